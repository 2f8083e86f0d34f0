import { AwsError } from '../aws/errors';
import type { Operation } from '../aws/json-service';

/*
 * Cognito's API request-rate quotas, as "Quotas in Amazon Cognito" (Amazon Cognito Developer
 * Guide) lists them: https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html
 * ("Amazon Cognito user pools API operation categories and request rate quotas").
 *
 * AWS counts each category for the whole account in one Region, across all its user pools; the
 * local stack has one account, one Region and one pool, so the pool's buckets are the account's.
 * AWS does not document a burst: a bucket holds one second of its rate, and refills at it.
 */

/** Each category's default quota, in requests per second. */
export const DEFAULT_QUOTAS = {
  UserAuthentication: 120,
  UserCreation: 50,
  UserFederation: 25,
  UserAccountRecovery: 30,
  UserRead: 120,
  UserUpdate: 25,
  UserToken: 120,
  UserResourceRead: 50,
  UserResourceUpdate: 25,
  UserList: 30,
  UserPoolRead: 15,
  UserPoolUpdate: 15,
  UserPoolResourceRead: 20,
  UserPoolResourceUpdate: 15,
  UserPoolClientRead: 15,
  UserPoolClientUpdate: 15,
  ClientAuthentication: 150,
  LimitManagement: 1,
} as const;
export type QuotaCategory = keyof typeof DEFAULT_QUOTAS;
export type QuotaRates = Record<QuotaCategory, number>;
export const QUOTA_CATEGORIES = Object.keys(DEFAULT_QUOTAS) as QuotaCategory[];

/** The category of every operation the local pool serves (the page's table). */
export const OPERATION_CATEGORIES: Readonly<Record<string, QuotaCategory>> = {
  InitiateAuth: 'UserAuthentication',
  // Its own allowance first, see `RequestQuotas.admit`.
  RespondToAuthChallenge: 'UserAuthentication',
  GetTokensFromRefreshToken: 'UserAuthentication',
  AdminCreateUser: 'UserCreation',
  ChangePassword: 'UserAccountRecovery',
  ForgotPassword: 'UserAccountRecovery',
  ConfirmForgotPassword: 'UserAccountRecovery',
  AdminResetUserPassword: 'UserAccountRecovery',
  AdminSetUserPassword: 'UserAccountRecovery',
  AdminGetUser: 'UserRead',
  GetUser: 'UserRead',
  AdminAddUserToGroup: 'UserUpdate',
  AdminRemoveUserFromGroup: 'UserUpdate',
  AdminUpdateUserAttributes: 'UserUpdate',
  AdminDeleteUser: 'UserUpdate',
  AdminDisableUser: 'UserUpdate',
  AdminEnableUser: 'UserUpdate',
  AdminUserGlobalSignOut: 'UserUpdate',
  GlobalSignOut: 'UserUpdate',
  UpdateUserAttributes: 'UserUpdate',
  VerifyUserAttribute: 'UserUpdate',
  RevokeToken: 'UserToken',
  AdminListGroupsForUser: 'UserResourceRead',
  GetUserAttributeVerificationCode: 'UserResourceRead',
  AdminSetUserMFAPreference: 'UserResourceUpdate',
  SetUserMFAPreference: 'UserResourceUpdate',
  AssociateSoftwareToken: 'UserResourceUpdate',
  VerifySoftwareToken: 'UserResourceUpdate',
  ListUsers: 'UserList',
  ListUsersInGroup: 'UserList',
  GetGroup: 'UserPoolResourceRead',
  ListGroups: 'UserPoolResourceRead',
  GetUserPoolMfaConfig: 'UserPoolResourceRead',
};

/**
 * The page's footnote 3: any single operation of these categories is also held to 5 requests
 * per second for one user pool, whatever the category's quota. Not adjustable.
 */
export const PER_POOL_OPERATION_RPS = 5;
const PER_POOL_LIMITED = new Set<QuotaCategory>([
  'UserPoolResourceRead',
  'UserPoolResourceUpdate',
  'UserPoolClientRead',
  'UserPoolClientUpdate',
]);

/** RespondToAuthChallenge's own allowance, as a multiple of UserAuthentication's quota. */
export const CHALLENGE_RESPONSE_MULTIPLE = 3;

/** The highest rate the control takes: far above anything AWS grants, still a number. */
export const MAX_QUOTA_RPS = 1_000_000;

/**
 * What Cognito answers past a quota: HTTP 400, `TooManyRequestsException`, "Rate exceeded", as
 * reported for AdminCreateUser, AdminGetUser, AdminListGroupsForUser and sign-in
 * (aws-amplify/amplify-js#10243, #6767, #3554, #13608; boto/boto3#2517; mifi/cognito-backup#6).
 * "Too many requests" has been seen too, from ListUsers (mifi/cognito-backup#28): the type is
 * what clients decide on, and both messages are Cognito's.
 */
export const tooManyRequests = () => new AwsError('TooManyRequestsException', 'Rate exceeded');

/**
 * A token bucket: holds at most one second of `rate` (AWS documents no other burst), starts
 * full, refills continuously at `rate` per second of `now`.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly rate: number,
    private readonly now: () => number,
  ) {
    this.tokens = rate;
    this.updatedAt = now();
  }

  /** Whether a request may be admitted now (taking nothing). */
  hasToken(): boolean {
    this.refill();
    return this.tokens >= 1;
  }

  /** Spends one token; call only after `hasToken()`. */
  take(): void {
    this.tokens -= 1;
  }

  private refill(): void {
    const now = this.now();
    // A clock moved back (a test's) refills nothing, and counts on from where it now is.
    const elapsed = Math.max(0, now - this.updatedAt);
    this.tokens = Math.min(this.rate, this.tokens + (elapsed * this.rate) / 1000);
    this.updatedAt = now;
  }
}

export class QuotaInputError extends Error {}

/**
 * Validates quota changes: an object naming at least one category, each with a whole number of
 * requests per second from 1 to MAX_QUOTA_RPS. Throws `QuotaInputError` saying what is wrong.
 */
export function parseQuotaRates(input: unknown): Partial<QuotaRates> {
  const example = '{"UserCreation": 5}';
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new QuotaInputError(
      `Quotas must be a JSON object of category to requests per second, e.g. ${example}`,
    );
  }
  const entries = Object.entries(input);
  if (entries.length === 0) {
    throw new QuotaInputError(`Name at least one quota category, e.g. ${example}`);
  }
  const rates: Partial<QuotaRates> = {};
  for (const [name, value] of entries) {
    if (!Object.hasOwn(DEFAULT_QUOTAS, name)) {
      throw new QuotaInputError(
        `Unknown quota category ${JSON.stringify(name)}: one of ${QUOTA_CATEGORIES.join(', ')}`,
      );
    }
    if (
      typeof value !== 'number' ||
      !Number.isInteger(value) ||
      value < 1 ||
      value > MAX_QUOTA_RPS
    ) {
      throw new QuotaInputError(
        `${name} must be a whole number of requests per second from 1 to ${MAX_QUOTA_RPS}, not ${JSON.stringify(value)}`,
      );
    }
    rates[name as QuotaCategory] = value;
  }
  return rates;
}

/**
 * The pool's request-rate quotas: a token bucket per category, per single operation where
 * footnote 3 applies, and RespondToAuthChallenge's own allowance. The rates start at AWS's
 * defaults (or `rates`, as a stack setting gives them) and can be lowered for a test, or
 * raised as a Service Quotas increase would raise them; every bucket then starts full.
 */
export class RequestQuotas {
  private readonly atStart: QuotaRates;
  private rates: QuotaRates;
  private buckets = new Map<string, TokenBucket>();

  constructor(private readonly options: { now: () => number; rates?: Partial<QuotaRates> }) {
    this.atStart = { ...DEFAULT_QUOTAS, ...options.rates };
    this.rates = { ...this.atStart };
  }

  /** The rates in force, by category. */
  get current(): QuotaRates {
    return { ...this.rates };
  }

  /** Changes the named categories' rates; the others keep theirs. */
  set(rates: Partial<QuotaRates>): QuotaRates {
    this.rates = { ...this.rates, ...rates };
    this.buckets.clear();
    return this.current;
  }

  /** Back to the rates the stack started with (AWS's defaults unless its settings said else). */
  reset(): QuotaRates {
    this.rates = { ...this.atStart };
    this.buckets.clear();
    return this.current;
  }

  /** Admits one call of `operation`, or throws Cognito's TooManyRequestsException. */
  admit(operation: string, input: unknown): void {
    const category = categoryOf(operation);
    if (operation === 'RespondToAuthChallenge') {
      // Footnote 1: a NEW_PASSWORD_REQUIRED response counts toward UserAccountRecovery. Other
      // responses have their own allowance of three times UserAuthentication's quota; past it,
      // they count toward UserAuthentication ("special request rate handling").
      if (challengeName(input) === 'NEW_PASSWORD_REQUIRED') {
        return this.takeFrom([this.bucket('UserAccountRecovery', this.rates.UserAccountRecovery)]);
      }
      const own = this.bucket(
        'challenge responses',
        CHALLENGE_RESPONSE_MULTIPLE * this.rates.UserAuthentication,
      );
      if (own.hasToken()) return own.take();
    }
    const buckets = [this.bucket(category, this.rates[category])];
    if (PER_POOL_LIMITED.has(category)) {
      buckets.push(this.bucket(`operation ${operation}`, PER_POOL_OPERATION_RPS));
    }
    this.takeFrom(buckets);
  }

  /** A token from every one of `buckets`, or none taken and the call refused. */
  private takeFrom(buckets: TokenBucket[]): void {
    if (!buckets.every((bucket) => bucket.hasToken())) throw tooManyRequests();
    for (const bucket of buckets) bucket.take();
  }

  private bucket(key: string, rate: number): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = new TokenBucket(rate, this.options.now)));
    return bucket;
  }
}

function categoryOf(operation: string): QuotaCategory {
  const category = Object.hasOwn(OPERATION_CATEGORIES, operation)
    ? OPERATION_CATEGORIES[operation]
    : undefined;
  if (!category) {
    throw new Error(
      `No Cognito quota category for ${operation}: add it to OPERATION_CATEGORIES from the quotas page`,
    );
  }
  return category;
}

function challengeName(input: unknown): unknown {
  return input !== null && typeof input === 'object'
    ? (input as { ChallengeName?: unknown }).ChallengeName
    : undefined;
}

/**
 * `operations`, each admitted by `quotas` before anything else (every call counts, as AWS's
 * `CallCount` counts it; refused calls run nothing). Throws at once for an operation without a
 * category, so a new operation cannot go unthrottled.
 */
export function throttled(
  operations: Record<string, Operation>,
  quotas: RequestQuotas,
): Record<string, Operation> {
  return Object.fromEntries(
    Object.entries(operations).map(([name, run]) => {
      categoryOf(name);
      const admitted: Operation = (input, context) => {
        quotas.admit(name, input);
        return run(input, context);
      };
      return [name, admitted];
    }),
  );
}
