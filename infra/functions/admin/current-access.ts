import type { APIGatewayProxyEvent } from 'aws-lambda';
import { isAuditedAction, type RouteDefinition, type RouteName } from '@contract';
import type { Access } from '../shared/access';
import { awsErrorName } from '../shared/aws-errors';
import { isDryRun } from '../shared/headers';
import type { HttpError } from '../shared/http-error';
import {
  listGroupsOf,
  signInStateFrom,
  USER_DIRECTORY_ACCESS,
  type SignInState,
} from '../shared/user-directory';
import { recordRefusal } from './audited';
import { ACTOR_LOOKUP_ACCESS, actingGroup, callerRecord, callerUsername } from './caller';
import { accessRevoked, mfaRequired } from './refusals';

/** What the check sends to the user pool: the caller's groups and sign-in state, each request. */
export const CURRENT_ACCESS_CHECK: readonly Access[] = [
  USER_DIRECTORY_ACCESS.listGroupsOf,
  ACTOR_LOOKUP_ACCESS,
];

/**
 * The one admin route answered without reading the caller's sign-in state (so without MFA, and
 * to a disabled caller too): who am I. It changes nothing and tells the caller only what their
 * own signed request already says, so it is not worth a second Cognito read.
 */
const ANSWERED_WITHOUT_SIGN_IN_STATE: readonly RouteName[] = ['whoami'];

/** A deleted caller is no enabled user and has no MFA. */
const NO_SUCH_USER: SignInState = { enabled: false, mfaEnabled: false };

/**
 * The admin API trusts no role alone. A Cognito user's identity-pool credentials outlive a
 * demotion (up to an hour), so before every route the group whose role signed the call (the
 * role the user acts as, which may be the least privileged of theirs) must allow the route,
 * and the caller must be, in the user pool now, in that group and enabled; a deleted user, one
 * taken out of the group, one disabled, or one holding a role that is no group's is refused 403
 * `AccessRevoked`, reads as well as changes. The caller must also have an authenticator app
 * (TOTP) turned on, read from the pool, not from the client: without one, every route but
 * `whoami` is refused 403 `MfaRequired`. A refused mutation is audited as refused. A caller
 * that is not a Cognito user (an automation role the API's resource policy names) is IAM's to
 * decide.
 *
 * Cost: two Cognito admin reads per admin request (one for `whoami`), sent together, so the
 * latency is one round trip; a mutation's audit entry reuses the caller's record
 * (`callerRecord`) rather than reading it again. AdminGetUser counts toward the account's
 * UserRead request-rate quota and AdminListGroupsForUser toward UserResourceRead, shared by
 * every user pool in the account and Region (UserRead also by the SPA's own GetUser calls): a
 * few busy administrators and a Users page (one AdminGetUser per listed user) can approach
 * them, and Cognito then answers TooManyRequestsException (the SDK retries it, then the API
 * answers 429). Raise the quotas in Service Quotas before that is routine.
 */
export async function assertCurrentAccess(
  name: RouteName,
  route: RouteDefinition,
  event: APIGatewayProxyEvent,
): Promise<void> {
  const username = callerUsername(event);
  if (!username) return;
  const acting = actingGroup(event);
  const readsSignInState = !ANSWERED_WITHOUT_SIGN_IN_STATE.includes(name);
  const [groups, { enabled, mfaEnabled }] = await Promise.all([
    orIfNoSuchUser(listGroupsOf(username), []),
    readsSignInState
      ? orIfNoSuchUser(callerRecord(event, username).then(signInStateFrom), NO_SUCH_USER)
      : Promise.resolve({ enabled: true, mfaEnabled: true }),
  ]);
  // Membership first: a removed or disabled administrator hears that, not how to set up MFA.
  if (!acting || !groups.includes(acting) || !route.groups.includes(acting) || !enabled) {
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
