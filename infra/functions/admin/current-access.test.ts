import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DRY_RUN_HEADER, GROUPS, ROUTES, type GroupName } from '@contract';
import { assertCurrentAccess } from './current-access';

const SUB = '11111111-2222-3333-4444-555555555555';

/** A role session as API Gateway names it in `userArn`. */
const sessionOf = (roleName: string) =>
  `arn:aws:sts::000000000000:assumed-role/${roleName}/CognitoIdentityCredentials`;

/** A call signed by a Cognito user's credentials for `roleName` (the admin role unless given). */
const eventOf = (headers: Record<string, string> = {}, roleName = GROUPS.admin.roleName) =>
  ({
    path: '/admin/users/someone/disable',
    headers,
    requestContext: {
      requestId: 'req-1',
      identity: {
        userArn: sessionOf(roleName),
        cognitoAuthenticationProvider: `cognito-idp.ap-northeast-1.amazonaws.com/pool,cognito-idp.ap-northeast-1.amazonaws.com/pool:CognitoSignIn:${SUB}`,
      },
    },
  }) as unknown as APIGatewayProxyEvent;
const actingAs = (group: GroupName) => eventOf({}, GROUPS[group].roleName);

interface Caller {
  groups: string[];
  mfa: string[];
  /** Enabled unless said otherwise. */
  enabled?: boolean;
}

/** The user pool as it knows the caller, and the order its reads start and end in. */
function pool(caller: Caller) {
  const log: string[] = [];
  vi.spyOn(CognitoIdentityProviderClient.prototype, 'send').mockImplementation(
    async (command: unknown) => {
      const name = (command as object).constructor.name;
      log.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push(`end ${name}`);
      if (command instanceof AdminListGroupsForUserCommand) {
        return { Groups: caller.groups.map((GroupName) => ({ GroupName })) };
      }
      if (command instanceof AdminGetUserCommand) {
        return {
          Username: SUB,
          Enabled: caller.enabled ?? true,
          UserMFASettingList: caller.mfa,
          UserAttributes: [
            { Name: 'email', Value: 'admin@example.com' },
            { Name: 'email_verified', Value: 'true' },
          ],
        };
      }
      throw new Error(`unexpected ${name}`);
    },
  );
  return log;
}

/** Every audit write: the entry begun, and how it settled. */
function auditLog() {
  const writes: Array<Record<string, unknown>> = [];
  vi.spyOn(DynamoDBDocumentClient.prototype, 'send').mockImplementation(
    async (command: unknown) => {
      if (command instanceof PutCommand) writes.push(command.input.Item ?? {});
      if (command instanceof UpdateCommand) {
        writes.push(command.input.ExpressionAttributeValues ?? {});
      }
      return {};
    },
  );
  return writes;
}

beforeEach(() => {
  vi.stubEnv('USER_POOL_ID', 'ap-northeast-1_Test');
  vi.stubEnv('AUDIT_TABLE', 'audit');
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('an administrator without an authenticator app', () => {
  it('is refused every route but whoami with MfaRequired', async () => {
    pool({ groups: ['admin'], mfa: [] });
    auditLog();
    await expect(assertCurrentAccess('listUsers', ROUTES.listUsers, eventOf())).rejects.toEqual(
      expect.objectContaining({ status: 403, details: { code: 'MfaRequired' } }),
    );
    await expect(assertCurrentAccess('whoami', ROUTES.whoami, eventOf())).resolves.toBeUndefined();
  });

  it('has a refused change audited as refused, once', async () => {
    pool({ groups: ['admin'], mfa: ['SMS_MFA'] });
    const writes = auditLog();
    await expect(assertCurrentAccess('disableUser', ROUTES.disableUser, eventOf())).rejects.toThrow(
      'Set up an authenticator app to use admin features.',
    );
    expect(writes).toEqual([
      expect.objectContaining({ action: 'disableUser', outcome: 'pending' }),
      expect.objectContaining({ ':outcome': 'failure', ':error': 'MfaRequired' }),
    ]);
  });

  it('reads the caller once for the check and the refusal’s audit entry', async () => {
    const log = pool({ groups: ['admin'], mfa: [] });
    auditLog();
    await expect(
      assertCurrentAccess('disableUser', ROUTES.disableUser, eventOf()),
    ).rejects.toThrow();
    expect(log.filter((line) => line === 'start AdminGetUserCommand')).toHaveLength(1);
  });

  it('has a refused dry run not audited: it changes nothing', async () => {
    pool({ groups: ['admin'], mfa: [] });
    const writes = auditLog();
    await expect(
      assertCurrentAccess('disableUser', ROUTES.disableUser, eventOf({ [DRY_RUN_HEADER]: '1' })),
    ).rejects.toThrow();
    expect(writes).toEqual([]);
  });
});

describe('an administrator with an authenticator app', () => {
  it('is answered, the pool read for groups and MFA at once (one round trip)', async () => {
    const log = pool({ groups: ['admin'], mfa: ['SOFTWARE_TOKEN_MFA'] });
    await expect(
      assertCurrentAccess('listUsers', ROUTES.listUsers, eventOf()),
    ).resolves.toBeUndefined();
    expect(log.slice(0, 2).every((entry) => entry.startsWith('start'))).toBe(true);
    expect(log).toHaveLength(4);
  });
});

describe('a caller no longer in the admin group', () => {
  it('hears AccessRevoked, not how to set up MFA', async () => {
    pool({ groups: ['general'], mfa: [] });
    auditLog();
    await expect(assertCurrentAccess('listUsers', ROUTES.listUsers, eventOf())).rejects.toEqual(
      expect.objectContaining({ status: 403, details: { code: 'AccessRevoked' } }),
    );
  });
});

describe('a disabled administrator with credentials still in hand', () => {
  it('is refused reads too with AccessRevoked, at no Cognito read beyond the usual two', async () => {
    const log = pool({ groups: ['admin'], mfa: ['SOFTWARE_TOKEN_MFA'], enabled: false });
    auditLog();
    await expect(assertCurrentAccess('listUsers', ROUTES.listUsers, eventOf())).rejects.toEqual(
      expect.objectContaining({ status: 403, details: { code: 'AccessRevoked' } }),
    );
    expect(log.filter((entry) => entry.startsWith('start'))).toEqual([
      'start AdminListGroupsForUserCommand',
      'start AdminGetUserCommand',
    ]);
  });

  it('hears AccessRevoked, not how to set up MFA, when they have none either', async () => {
    pool({ groups: ['admin'], mfa: [], enabled: false });
    auditLog();
    await expect(assertCurrentAccess('getUser', ROUTES.getUser, eventOf())).rejects.toEqual(
      expect.objectContaining({ status: 403, details: { code: 'AccessRevoked' } }),
    );
  });

  it('is still told who they are: whoami reads no sign-in state', async () => {
    const log = pool({ groups: ['admin'], mfa: ['SOFTWARE_TOKEN_MFA'], enabled: false });
    await expect(assertCurrentAccess('whoami', ROUTES.whoami, eventOf())).resolves.toBeUndefined();
    expect(log).not.toContain('start AdminGetUserCommand');
  });
});

describe('the role the caller acts as decides, not every group they are in', () => {
  const revoked = expect.objectContaining({ status: 403, details: { code: 'AccessRevoked' } });

  it('lets a helpdesk member acting as helpdesk call the helpdesk routes', async () => {
    pool({ groups: ['helpdesk'], mfa: ['SOFTWARE_TOKEN_MFA'] });
    await expect(
      assertCurrentAccess('disableUser', ROUTES.disableUser, actingAs('helpdesk')),
    ).resolves.toBeUndefined();
  });

  it('refuses an administrator acting as helpdesk a route only the admin role may call', async () => {
    pool({ groups: ['admin', 'helpdesk'], mfa: ['SOFTWARE_TOKEN_MFA'] });
    auditLog();
    await expect(
      assertCurrentAccess('deleteUser', ROUTES.deleteUser, actingAs('helpdesk')),
    ).rejects.toEqual(revoked);
  });

  it('refuses admin credentials held by someone now only in helpdesk', async () => {
    pool({ groups: ['helpdesk'], mfa: ['SOFTWARE_TOKEN_MFA'] });
    auditLog();
    await expect(
      assertCurrentAccess('listUsers', ROUTES.listUsers, actingAs('admin')),
    ).rejects.toEqual(revoked);
  });

  it('refuses helpdesk credentials held by someone taken out of helpdesk, audited', async () => {
    pool({ groups: ['general'], mfa: ['SOFTWARE_TOKEN_MFA'] });
    const writes = auditLog();
    await expect(
      assertCurrentAccess('resetUserPassword', ROUTES.resetUserPassword, actingAs('helpdesk')),
    ).rejects.toEqual(revoked);
    expect(writes).toContainEqual(
      expect.objectContaining({ ':outcome': 'failure', ':error': 'AccessRevoked' }),
    );
  });

  it('refuses a Cognito user signing with a role that is no group’s', async () => {
    pool({ groups: ['admin'], mfa: ['SOFTWARE_TOKEN_MFA'] });
    auditLog();
    await expect(
      assertCurrentAccess('listUsers', ROUTES.listUsers, eventOf({}, 'SomeOtherRole')),
    ).rejects.toEqual(revoked);
  });

  it('leaves a caller that is no Cognito user (an automation role) to IAM', async () => {
    const log = pool({ groups: [], mfa: [] });
    const automation = {
      path: '/admin/users',
      headers: {},
      requestContext: {
        requestId: 'req-2',
        identity: { userArn: sessionOf('NightlyReport'), cognitoAuthenticationProvider: null },
      },
    } as unknown as APIGatewayProxyEvent;
    await expect(
      assertCurrentAccess('listUsers', ROUTES.listUsers, automation),
    ).resolves.toBeUndefined();
    expect(log).toEqual([]);
  });
});
