import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationContext } from '../aws/json-service';
import { openInProcessUserPool, type InProcessUserPool } from '../testing/in-process-user-pool';
import { AuthFlows } from './auth-flows';
import {
  DEFAULT_QUOTAS,
  MAX_QUOTA_RPS,
  OPERATION_CATEGORIES,
  parseQuotaRates,
  QuotaInputError,
  RequestQuotas,
  throttled,
  TokenBucket,
  type QuotaCategory,
} from './request-quotas';
import { userPoolService } from './responses';

/** A clock that moves only when told to. */
const manualClock = () => {
  let now = Date.UTC(2026, 11, 1);
  return { now: () => now, advance: (ms: number) => (now += ms) };
};

/** How many calls of `operation` are admitted in a row before the first refusal. */
function admittedInARow(quotas: RequestQuotas, operation: string, input: unknown = {}): number {
  for (let admitted = 0; admitted < 10_000; admitted++) {
    try {
      quotas.admit(operation, input);
    } catch (error) {
      expect(error).toMatchObject({
        code: 'TooManyRequestsException',
        message: 'Rate exceeded',
        status: 400,
      });
      return admitted;
    }
  }
  throw new Error(`${operation} was never refused`);
}

describe('TokenBucket', () => {
  it('starts with one second of its rate and admits no more until it refills', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(4, clock.now);
    let taken = 0;
    while (bucket.hasToken()) {
      bucket.take();
      taken++;
    }
    expect(taken).toBe(4);
  });

  it('refills at its rate, never beyond one second of it', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(4, clock.now);
    for (let i = 0; i < 4; i++) bucket.take();
    clock.advance(249);
    expect(bucket.hasToken()).toBe(false);
    clock.advance(1);
    expect(bucket.hasToken()).toBe(true);
    bucket.take();
    // A long quiet spell gives back one second's worth, not more.
    clock.advance(60_000);
    let taken = 0;
    while (bucket.hasToken()) {
      bucket.take();
      taken++;
    }
    expect(taken).toBe(4);
  });

  it('refills nothing when the clock moves back', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(1, clock.now);
    bucket.take();
    clock.advance(-5_000);
    expect(bucket.hasToken()).toBe(false);
    clock.advance(999);
    expect(bucket.hasToken()).toBe(false);
    clock.advance(1);
    expect(bucket.hasToken()).toBe(true);
  });
});

describe('the operation table', () => {
  let inProcess: InProcessUserPool;
  beforeAll(async () => {
    inProcess = await openInProcessUserPool();
  });
  afterAll(() => inProcess.dispose());

  it('gives every operation the local pool serves a category with a default quota', () => {
    const served = Object.keys(
      userPoolService(inProcess.pool, new AuthFlows(inProcess.pool)).operations,
    );
    expect(served.length).toBeGreaterThan(0);
    const uncategorised = served.filter(
      (operation) => !Object.hasOwn(OPERATION_CATEGORIES, operation),
    );
    expect(uncategorised).toEqual([]);
    for (const operation of served) {
      expect(DEFAULT_QUOTAS[OPERATION_CATEGORIES[operation]!]).toBeGreaterThan(0);
    }
  });

  it('files operations as the quotas page does', () => {
    // Spot checks of the page's table, one per category the pool uses.
    expect(OPERATION_CATEGORIES).toMatchObject({
      InitiateAuth: 'UserAuthentication',
      GetTokensFromRefreshToken: 'UserAuthentication',
      AdminCreateUser: 'UserCreation',
      AdminSetUserPassword: 'UserAccountRecovery',
      ChangePassword: 'UserAccountRecovery',
      AdminGetUser: 'UserRead',
      GetUser: 'UserRead',
      AdminAddUserToGroup: 'UserUpdate',
      GlobalSignOut: 'UserUpdate',
      RevokeToken: 'UserToken',
      AdminListGroupsForUser: 'UserResourceRead',
      AdminSetUserMFAPreference: 'UserResourceUpdate',
      VerifySoftwareToken: 'UserResourceUpdate',
      ListUsers: 'UserList',
      ListUsersInGroup: 'UserList',
      ListGroups: 'UserPoolResourceRead',
      GetUserPoolMfaConfig: 'UserPoolResourceRead',
    });
  });

  it('refuses to throttle an operation it has no category for', () => {
    const quotas = new RequestQuotas({ now: Date.now });
    expect(() => throttled({ AdminLinkProviderForUser: () => ({}) }, quotas)).toThrow(
      'No Cognito quota category for AdminLinkProviderForUser',
    );
  });
});

describe('RequestQuotas at Cognito’s defaults', () => {
  // One operation of each category the pool uses whose category quota is what binds.
  const byCategory: Array<[QuotaCategory, string]> = [
    ['UserAuthentication', 'InitiateAuth'],
    ['UserCreation', 'AdminCreateUser'],
    ['UserAccountRecovery', 'ForgotPassword'],
    ['UserRead', 'AdminGetUser'],
    ['UserUpdate', 'AdminDisableUser'],
    ['UserToken', 'RevokeToken'],
    ['UserResourceRead', 'AdminListGroupsForUser'],
    ['UserResourceUpdate', 'SetUserMFAPreference'],
    ['UserList', 'ListUsers'],
  ];

  it.each(byCategory)('admits one second of %s (%s) at once, then refuses', (category, op) => {
    const quotas = new RequestQuotas({ now: manualClock().now });
    expect(admittedInARow(quotas, op)).toBe(DEFAULT_QUOTAS[category]);
  });

  it('counts every operation of a category against one quota', () => {
    const quotas = new RequestQuotas({ now: manualClock().now });
    for (let i = 0; i < 20; i++) quotas.admit('AdminDisableUser', {});
    expect(admittedInARow(quotas, 'AdminEnableUser')).toBe(DEFAULT_QUOTAS.UserUpdate - 20);
  });

  it('keeps categories apart', () => {
    const quotas = new RequestQuotas({ now: manualClock().now });
    admittedInARow(quotas, 'AdminCreateUser');
    expect(admittedInARow(quotas, 'AdminGetUser')).toBe(DEFAULT_QUOTAS.UserRead);
  });

  it('admits again at the quota’s rate', () => {
    const clock = manualClock();
    const quotas = new RequestQuotas({ now: clock.now });
    admittedInARow(quotas, 'ListUsers');
    clock.advance(100); // 30 per second: 3 more
    expect(admittedInARow(quotas, 'ListUsersInGroup')).toBe(3);
  });

  it('holds each UserPoolResourceRead operation to 5 per second besides the category', () => {
    const quotas = new RequestQuotas({ now: manualClock().now });
    expect(admittedInARow(quotas, 'GetGroup')).toBe(5);
    expect(admittedInARow(quotas, 'ListGroups')).toBe(5);
    expect(admittedInARow(quotas, 'GetUserPoolMfaConfig')).toBe(5);
  });
});

describe('RespondToAuthChallenge', () => {
  const passwordVerifier = { ChallengeName: 'PASSWORD_VERIFIER' };

  it('has three times UserAuthentication’s quota of its own, then takes from UserAuthentication', () => {
    const quotas = new RequestQuotas({ now: manualClock().now, rates: { UserAuthentication: 2 } });
    expect(admittedInARow(quotas, 'RespondToAuthChallenge', passwordVerifier)).toBe(3 * 2 + 2);
    // Those last two were UserAuthentication's: sign-in is refused too.
    expect(admittedInARow(quotas, 'InitiateAuth')).toBe(0);
  });

  it('leaves UserAuthentication alone while its own allowance lasts', () => {
    const quotas = new RequestQuotas({ now: manualClock().now, rates: { UserAuthentication: 2 } });
    for (let i = 0; i < 6; i++) quotas.admit('RespondToAuthChallenge', passwordVerifier);
    expect(admittedInARow(quotas, 'InitiateAuth')).toBe(2);
  });

  it('counts a NEW_PASSWORD_REQUIRED response toward UserAccountRecovery', () => {
    const quotas = new RequestQuotas({ now: manualClock().now, rates: { UserAccountRecovery: 2 } });
    const newPassword = { ChallengeName: 'NEW_PASSWORD_REQUIRED' };
    expect(admittedInARow(quotas, 'RespondToAuthChallenge', newPassword)).toBe(2);
    expect(admittedInARow(quotas, 'AdminSetUserPassword')).toBe(0);
    expect(admittedInARow(quotas, 'RespondToAuthChallenge', passwordVerifier)).toBe(
      3 * DEFAULT_QUOTAS.UserAuthentication + DEFAULT_QUOTAS.UserAuthentication,
    );
  });
});

describe('changing the quotas', () => {
  it('applies a lower or higher rate at once, with a full bucket, and leaves the rest', () => {
    const quotas = new RequestQuotas({ now: manualClock().now });
    admittedInARow(quotas, 'AdminCreateUser');
    expect(quotas.set({ UserCreation: 3 })).toMatchObject({ UserCreation: 3, UserList: 30 });
    expect(admittedInARow(quotas, 'AdminCreateUser')).toBe(3);
    quotas.set({ UserCreation: 500 });
    expect(admittedInARow(quotas, 'AdminCreateUser')).toBe(500);
    expect(admittedInARow(quotas, 'ListUsers')).toBe(DEFAULT_QUOTAS.UserList);
  });

  it('resets to the rates it started with', () => {
    const quotas = new RequestQuotas({ now: manualClock().now, rates: { UserList: 4 } });
    quotas.set({ UserList: 1, UserCreation: 1 });
    expect(quotas.reset()).toEqual({ ...DEFAULT_QUOTAS, UserList: 4 });
    expect(admittedInARow(quotas, 'ListUsers')).toBe(4);
    expect(admittedInARow(quotas, 'AdminCreateUser')).toBe(DEFAULT_QUOTAS.UserCreation);
  });

  it('takes nothing from the category when a single operation’s limit refuses the call', () => {
    const quotas = new RequestQuotas({
      now: manualClock().now,
      rates: { UserPoolResourceRead: 6 },
    });
    expect(admittedInARow(quotas, 'GetGroup')).toBe(5);
    // The refused sixth GetGroup cost the category nothing: one call of it is left.
    expect(admittedInARow(quotas, 'ListGroups')).toBe(1);
  });
});

describe('throttled operations', () => {
  it('run only when admitted', async () => {
    const quotas = new RequestQuotas({ now: manualClock().now, rates: { UserCreation: 1 } });
    let runs = 0;
    const { AdminCreateUser } = throttled({ AdminCreateUser: () => ++runs }, quotas);
    const context = {} as OperationContext;
    await AdminCreateUser!({}, context);
    await expect(async () => AdminCreateUser!({}, context)).rejects.toMatchObject({
      code: 'TooManyRequestsException',
    });
    expect(runs).toBe(1);
  });
});

describe('parseQuotaRates', () => {
  it('takes whole numbers of requests per second by category', () => {
    expect(parseQuotaRates({ UserCreation: 5, UserList: MAX_QUOTA_RPS })).toEqual({
      UserCreation: 5,
      UserList: MAX_QUOTA_RPS,
    });
  });

  it.each([
    [null, 'must be a JSON object'],
    [[5], 'must be a JSON object'],
    ['UserCreation=5', 'must be a JSON object'],
    [{}, 'Name at least one quota category'],
    [{ UserCreations: 5 }, 'Unknown quota category "UserCreations": one of UserAuthentication,'],
    [{ toString: 5 }, 'Unknown quota category "toString"'],
    [{ UserCreation: 0 }, 'UserCreation must be a whole number of requests per second from 1 to'],
    [{ UserCreation: 2.5 }, 'not 2.5'],
    [{ UserCreation: '5' }, 'not "5"'],
    [{ UserCreation: MAX_QUOTA_RPS + 1 }, `not ${MAX_QUOTA_RPS + 1}`],
  ])('refuses %j, saying why', (input, message) => {
    expect(() => parseQuotaRates(input)).toThrow(QuotaInputError);
    expect(() => parseQuotaRates(input)).toThrow(message);
  });
});
