import type { AuthSession, JWT } from 'aws-amplify/auth';
import { describe, expect, it } from 'vitest';
import { summarizeSession } from './summarize-session';

function jwt(payload: JWT['payload']): JWT {
  return { payload, toString: () => 'header.payload.signature' };
}

const expiration = new Date('2030-01-01T00:00:00Z');

const adminSession: AuthSession = {
  tokens: {
    accessToken: jwt({ sub: 'sub-1' }),
    idToken: jwt({
      sub: 'sub-1',
      email: 'admin@example.com',
      'cognito:groups': ['admin', 'general'],
      'cognito:roles': [
        'arn:aws:iam::000000000000:role/ConsoleAdminRole',
        'arn:aws:iam::000000000000:role/ConsoleGeneralRole',
      ],
      'cognito:preferred_role': 'arn:aws:iam::000000000000:role/ConsoleAdminRole',
    }),
  },
  identityId: 'ap-northeast-1:11111111-2222-3333-4444-555555555555',
  credentials: {
    accessKeyId: 'ASIAEXAMPLEKEYID0001',
    secretAccessKey: 'secret',
    sessionToken: 'session-token',
    expiration,
  },
};

describe('summarizeSession', () => {
  it('reads email, groups, roles and preferred role from the ID token and the identity and credentials', () => {
    expect(summarizeSession(adminSession)).toEqual({
      email: 'admin@example.com',
      sub: 'sub-1',
      groups: ['admin', 'general'],
      role: 'arn:aws:iam::000000000000:role/ConsoleAdminRole',
      actingGroup: 'admin',
      roles: [
        { arn: 'arn:aws:iam::000000000000:role/ConsoleGeneralRole', group: 'general' },
        { arn: 'arn:aws:iam::000000000000:role/ConsoleAdminRole', group: 'admin' },
      ],
      roleUntil: undefined,
      identityId: 'ap-northeast-1:11111111-2222-3333-4444-555555555555',
      accessKeyPrefix: 'ASIA',
      credentialsExpire: expiration,
    });
  });

  it('names the role the console asked for (and until when), not the preferred one', () => {
    const until = new Date('2030-01-01T01:00:00Z');
    expect(
      summarizeSession(adminSession, undefined, {
        role: 'arn:aws:iam::000000000000:role/ConsoleGeneralRole',
        until,
      }),
    ).toMatchObject({
      role: 'arn:aws:iam::000000000000:role/ConsoleGeneralRole',
      actingGroup: 'general',
      roleUntil: until,
    });
  });

  it('keeps nothing secret: only the first four characters of the access key', () => {
    const text = JSON.stringify(summarizeSession(adminSession));
    expect(text).not.toContain('ASIAEXAMPLE');
    expect(text).not.toContain('secret');
    expect(text).not.toContain('session-token');
    expect(text).not.toContain('signature');
  });

  it('falls back to the login id when the ID token has no email', () => {
    const session: AuthSession = {
      tokens: { accessToken: jwt({}), idToken: jwt({ sub: 'sub-2' }) },
    };
    expect(summarizeSession(session, 'user@example.com')).toEqual({
      email: 'user@example.com',
      sub: 'sub-2',
      groups: [],
      role: undefined,
      actingGroup: undefined,
      roles: [],
      roleUntil: undefined,
      identityId: undefined,
      accessKeyPrefix: undefined,
      credentialsExpire: undefined,
    });
  });

  it('ignores malformed group claims', () => {
    const session: AuthSession = {
      tokens: {
        accessToken: jwt({}),
        idToken: jwt({ 'cognito:groups': 'admin', 'cognito:preferred_role': '' }),
      },
    };
    expect(summarizeSession(session)).toMatchObject({ groups: [], role: undefined });
  });
});
