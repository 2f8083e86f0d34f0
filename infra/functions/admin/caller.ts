import {
  AdminGetUserCommand,
  type AdminGetUserCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { groupOfRole, type GroupName } from '@contract';
import { userPoolAccess } from '../shared/access';
import { cognitoClient } from '../shared/aws-clients';
import { requireEnv } from '../shared/env';

/**
 * The user-pool user behind a signed call. The identity pool names it in
 * `cognitoAuthenticationProvider`:
 * `cognito-idp.{region}.amazonaws.com/{pool},cognito-idp.{region}.amazonaws.com/{pool}:CognitoSignIn:{sub}`.
 * Null for callers that are not Cognito users (an IAM role used from a job).
 */
export function callerUsername(event: APIGatewayProxyEvent): string | null {
  const provider = event.requestContext.identity.cognitoAuthenticationProvider ?? '';
  const match = /:CognitoSignIn:([^,:]+)$/.exec(provider);
  return match?.[1] ?? null;
}

/**
 * The group whose role signed the call: API Gateway names the role session in `userArn`
 * (`…:assumed-role/{role}/{session}`). Undefined for a role that is no group's (an automation
 * role, or a role the contract does not know).
 */
export function actingGroup(event: APIGatewayProxyEvent): GroupName | undefined {
  // Only an identity-pool caller's role is a group's: an automation role that happens to share
  // a group role's name (in another account, say) is none.
  if (!callerUsername(event)) return undefined;
  const arn = event.requestContext.identity.userArn;
  return arn ? groupOfRole(arn) : undefined;
}

export interface Actor {
  /** The user-pool `sub`, or the ARN of an IAM caller that is no Cognito user. */
  username: string;
  /** Their e-mail only if verified: what the log shows must be an identity, not a claim. */
  email: string | null;
  /** False for a disabled user, whose held credentials may still be valid. */
  enabled: boolean;
}

/** What `callerRecord` sends to the user pool (see `access.ts`). */
export const ACTOR_LOOKUP_ACCESS = userPoolAccess('cognito-idp:AdminGetUser');

const callerRecords = new WeakMap<APIGatewayProxyEvent, Promise<AdminGetUserCommandOutput>>();

/**
 * The calling user's record (AdminGetUser), read once per request: the access check and the
 * audit entry both need it, and each read counts toward the account's UserRead quota (and
 * any per-user rate), so an admin call reads its caller once, not twice.
 */
export function callerRecord(
  event: APIGatewayProxyEvent,
  username: string,
): Promise<AdminGetUserCommandOutput> {
  let read = callerRecords.get(event);
  if (!read) {
    read = cognitoClient().send(
      new AdminGetUserCommand({ UserPoolId: requireEnv('USER_POOL_ID'), Username: username }),
    );
    callerRecords.set(event, read);
  }
  return read;
}

/** Who the audit log names: the Cognito user as the pool knows them now, or the caller's ARN. */
export async function actorOf(event: APIGatewayProxyEvent): Promise<Actor> {
  const username = callerUsername(event);
  const arn = event.requestContext.identity.userArn ?? 'unknown';
  if (!username) return { username: arn, email: null, enabled: true };
  try {
    const user = await callerRecord(event, username);
    const attribute = (name: string) => user.UserAttributes?.find((a) => a.Name === name)?.Value;
    const verified = attribute('email_verified') === 'true';
    return {
      username,
      email: verified ? (attribute('email') ?? null) : null,
      enabled: user.Enabled ?? false,
    };
  } catch (error) {
    if ((error as Error).name === 'UserNotFoundException') {
      return { username, email: null, enabled: false };
    }
    throw error;
  }
}
