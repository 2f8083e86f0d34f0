import type { APIGatewayProxyEvent } from 'aws-lambda';
import { DRY_RUN_HEADER, isAuditedAction, type RouteDefinition, type RouteName } from '@contract';
import { awsErrorName } from '../shared/aws-errors';
import { listGroupsOf, USER_DIRECTORY_ACCESS } from '../shared/user-directory';
import { recordRefusal } from './audited';
import { callerUsername } from './caller';
import { accessRevoked } from './refusals';

/** What the check sends to the user pool: one AdminListGroupsForUser a request (see access.ts). */
export const CURRENT_ACCESS_CHECK = USER_DIRECTORY_ACCESS.listGroupsOf;

/**
 * The admin API trusts no role alone. A Cognito user's identity-pool credentials outlive a
 * demotion (up to an hour), so before every route the caller must be, in the user pool now,
 * in a group the route allows; a deleted user or one taken out of the group is refused 403
 * `AccessRevoked`, and a refused mutation is audited as refused. A caller that is not a
 * Cognito user (an automation role the API's resource policy names) is IAM's to decide.
 */
export async function assertCurrentAccess(
  name: RouteName,
  route: RouteDefinition,
  event: APIGatewayProxyEvent,
): Promise<void> {
  const username = callerUsername(event);
  if (!username) return;
  const groups = await listGroupsOf(username).catch((error: unknown): string[] => {
    if (awsErrorName(error) === 'UserNotFoundException') return [];
    throw error;
  });
  if ((route.groups as readonly string[]).some((group) => groups.includes(group))) return;
  const refusal = accessRevoked();
  // A refused change is audited; a dry run (the Access probe asking) changes nothing to record.
  if (isAuditedAction(name) && !isDryRun(event)) await recordRefusal(event, name, refusal);
  throw refusal;
}

const isDryRun = (event: APIGatewayProxyEvent) =>
  Object.keys(event.headers ?? {}).some(
    (header) => header.toLowerCase() === DRY_RUN_HEADER.toLowerCase(),
  );
