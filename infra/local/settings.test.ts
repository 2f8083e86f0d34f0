import { describe, expect, it } from 'vitest';
import { browserPortWarnings, readSettings } from './settings';

describe('readSettings', () => {
  it("defaults to the design's ports, .local/ and the seeded users", () => {
    const settings = readSettings({}, '/repo');
    expect(settings.ports).toEqual({
      spa: 5173,
      edge: 4566,
      adminApi: 4567,
      generalApi: 4568,
      opsApi: 4569,
      dynamoDb: 4570,
    });
    expect(settings.stateDir).toBe('/repo/.local');
    expect(settings.seedUsers.map((u) => [u.email, u.groups])).toEqual([
      ['admin@example.com', ['admin', 'general']],
      ['helpdesk@example.com', ['helpdesk']],
      ['user@example.com', ['general']],
    ]);
  });

  it('takes overrides from the environment', () => {
    const settings = readSettings(
      {
        LOCAL_EDGE_PORT: '5566',
        SEED_ADMIN_PASSWORD: 'Other-Passw0rd!',
        SEED_HELPDESK_EMAIL: 'support@example.org',
        SEED_HELPDESK_PASSWORD: 'Support-Passw0rd!',
        LOCAL_CREDENTIAL_LIFETIME_SECONDS: '900',
      },
      '/repo',
    );
    expect(settings.ports.edge).toBe(5566);
    expect(settings.seedUsers[0]!.password).toBe('Other-Passw0rd!');
    expect(settings.seedUsers[1]).toEqual({
      email: 'support@example.org',
      password: 'Support-Passw0rd!',
      groups: ['helpdesk'],
    });
    expect(settings.credentialLifetimeSeconds).toBe(900);
  });

  it('names the variable and the problem in one line', () => {
    expect(() => readSettings({ LOCAL_ADMIN_API_PORT: '70000' })).toThrow(
      'LOCAL_ADMIN_API_PORT="70000" must be between 1 and 65535.',
    );
    expect(() => readSettings({ SEED_USER_EMAIL: 'nope' })).toThrow(
      'SEED_USER_EMAIL="nope" must be an e-mail address.',
    );
    expect(() => readSettings({ LOCAL_CREDENTIAL_LIFETIME_SECONDS: '5' })).toThrow(
      'must be at least 60',
    );
    expect(() => readSettings({ LOCAL_OPS_API_PORT: '4566' })).toThrow(
      'LOCAL_OPS_API_PORT and LOCAL_EDGE_PORT are both 4566',
    );
  });
});

describe('the user pool’s request-rate quotas', () => {
  it('keeps Cognito’s defaults unless LOCAL_USER_POOL_QUOTAS names categories', () => {
    expect(readSettings({}, '/repo').userPoolQuotas).toEqual({});
    expect(
      readSettings({ LOCAL_USER_POOL_QUOTAS: 'UserCreation=5, UserList = 300' }, '/repo')
        .userPoolQuotas,
    ).toEqual({ UserCreation: 5, UserList: 300 });
  });

  it('refuses what the control would refuse, in one line', () => {
    expect(() => readSettings({ LOCAL_USER_POOL_QUOTAS: 'UserCreation' })).toThrow(
      'LOCAL_USER_POOL_QUOTAS="UserCreation" must be CATEGORY=RPS pairs separated by commas',
    );
    expect(() => readSettings({ LOCAL_USER_POOL_QUOTAS: 'UserCreation=fast' })).toThrow(
      'LOCAL_USER_POOL_QUOTAS="UserCreation=fast": UserCreation must be a whole number of requests per second from 1 to 1000000, not "fast".',
    );
    expect(() => readSettings({ LOCAL_USER_POOL_QUOTAS: 'Users=5' })).toThrow(
      'Unknown quota category "Users"',
    );
    expect(() => readSettings({ LOCAL_USER_POOL_QUOTAS: 'UserList=0' })).toThrow('not 0.');
  });
});

describe('browserPortWarnings', () => {
  it('warns when a service the browser calls is on a port browsers refuse', () => {
    const ports = readSettings({ LOCAL_EDGE_PORT: '6566' }, '/repo').ports;
    expect(browserPortWarnings(ports)).toEqual([
      expect.stringContaining(
        'LOCAL_EDGE_PORT=6566: browsers refuse port 6566 (Chromium: ERR_UNSAFE_PORT)',
      ),
    ]);
  });

  it('says nothing of the default ports, or of a service only servers call', () => {
    expect(browserPortWarnings(readSettings({}, '/repo').ports)).toEqual([]);
    expect(
      browserPortWarnings(readSettings({ LOCAL_DYNAMODB_PORT: '6000' }, '/repo').ports),
    ).toEqual([]);
  });
});
