import type { APIGatewayProxyEvent } from 'aws-lambda';
import { DRY_RUN_HEADER, isAuditedAction, type RouteDefinition, type RouteName } from '@contract';
import type { Access } from '../shared/access';
import { awsErrorName } from '../shared/aws-errors';
import type { HttpError } from '../shared/http-error';
import { listGroupsOf, mfaEnabledOf, USER_DIRECTORY_ACCESS } from '../shared/user-directory';
import { recordRefusal } from './audited';
import { callerUsername } from './caller';
import { accessRevoked, mfaRequired } from './refusals';

/** What the check sends to the user pool: the caller's groups and MFA state, each request. */
export const CURRENT_ACCESS_CHECK: readonly Access[] = [
  USER_DIRECTORY_ACCESS.listGroupsOf,
  USER_DIRECTORY_ACCESS.mfaEnabledOf,
];

/** The one admin route an administrator without an authenticator app may call: who am I. */
const ANSWERED_WITHOUT_MFA: readonly RouteName[] = ['whoami'];

/**
 * The admin API trusts no role alone. A Cognito user's identity-pool credentials outlive a
 * demotion (up to an hour), so before every route the caller must be, in the user pool now,
 * in a group the route allows; a deleted user or one taken out of the group is refused 403
 * `AccessRevoked`. An administrator must also have an authenticator app (TOTP) turned on,
 * read from the pool, not from the client: without one, every route but `whoami` is refused
 * 403 `MfaRequired`. A refused mutation is audited as refused. A caller that is not a Cognito
 * user (an automation role the API's resource policy names) is IAM's to decide.
 *
 * Cost: two Cognito admin reads per admin request (one for `whoami`), sent together, so the
 * latency is one round trip. AdminListGroupsForUser and AdminGetUser both count toward the
 * account's UserRead request-rate quota, shared by every user pool in the account and Region
 * (and by the SPA's own GetUser calls): each admin request spends two of its requests per
 * second, so a few busy administrators and a Users page (one AdminGetUser per listed user)
 * can approach it, and Cognito then answers TooManyRequestsException (the SDK retries it,
 * then the API answers 429). Raise the quota in Service Quotas before that is routine.
 */
export async function assertCurrentAccess(
  name: RouteName,
  route: RouteDefinition,
  event: APIGatewayProxyEvent,
): Promise<void> {
  const username = callerUsername(event);
  if (!username) return;
  const needsMfa = !ANSWERED_WITHOUT_MFA.includes(name);
  const [groups, mfaEnabled] = await Promise.all([
    orIfNoSuchUser(listGroupsOf(username), []),
    needsMfa ? orIfNoSuchUser(mfaEnabledOf(username), false) : Promise.resolve(true),
  ]);
  // Membership first: a removed administrator hears that, not how to set up MFA.
  if (!(route.groups as readonly string[]).some((group) => groups.includes(group))) {
    await refuse(name, event, accessRevoked());
  }
  if (!mfaEnabled) await refuse(name, event, mfaRequired());
}

/** A deleted caller has no groups and no MFA: refused like any other caller without them. */
const orIfNoSuchUser = <T>(read: Promise<T>, fallback: T): Promise<T> =>
  read.catch((error: unknown) => {
    if (awsErrorName(error) === 'UserNotFoundException') return fallback;
    throw error;
  });

async function refuse(name: RouteName, event: APIGatewayProxyEvent, refusal: HttpError) {
  // A refused change is audited; a dry run (the Access probe asking) changes nothing to record.
  if (isAuditedAction(name) && !isDryRun(event)) await recordRefusal(event, name, refusal);
  throw refusal;
}

const isDryRun = (event: APIGatewayProxyEvent) =>
  Object.keys(event.headers ?? {}).some(
    (header) => header.toLowerCase() === DRY_RUN_HEADER.toLowerCase(),
  );
