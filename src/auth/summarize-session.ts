import type { AuthSession } from 'aws-amplify/auth';
import { groupOfRole, type GroupName } from '@contract/groups';
import { rankedRoles, type RankedRole } from './roles/acting-role';
import type { TokenRoles } from './roles/role-credentials-provider';

/** What the console shows about a signed-in session. Holds no token or secret. */
export interface SessionDetails {
  email: string;
  /** The ID token's `sub`: the user, whatever their e-mail. */
  sub: string | undefined;
  /** From the ID token's `cognito:groups`, in the token's order. */
  groups: string[];
  /**
   * The role the console acts as (its credentials are this role's): the least privileged of
   * the token's roles, or the one the person switched to.
   */
  role: string | undefined;
  /** The group of that role: what the console lets the person do. */
  actingGroup: GroupName | undefined;
  /** The token's roles (`cognito:roles`) of the contract's groups, least privileged first. */
  roles: RankedRole[];
  /** When a switch to a more privileged role ends (its first credentials expire). */
  roleUntil: Date | undefined;
  identityId: string | undefined;
  /** First four characters of the access key id (`ASIA` for temporary credentials). */
  accessKeyPrefix: string | undefined;
  credentialsExpire: Date | undefined;
}

function stringClaim(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The ID token's `cognito:roles`, and its user. */
export function tokenRoles(session: AuthSession): TokenRoles {
  const claims = session.tokens?.idToken?.payload ?? {};
  const roles = claims['cognito:roles'];
  return {
    roles: Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [],
    sub: stringClaim(claims.sub),
  };
}

export interface Acting {
  /** The role asked for; undefined when the identity pool chose (`cognito:preferred_role`). */
  role?: string;
  until?: Date;
}

export function summarizeSession(
  session: AuthSession,
  loginId?: string,
  acting: Acting = {},
): SessionDetails {
  const claims = session.tokens?.idToken?.payload ?? {};
  const groups = claims['cognito:groups'];
  const accessKeyId = session.credentials?.accessKeyId;
  const role = acting.role ?? stringClaim(claims['cognito:preferred_role']);
  return {
    email: stringClaim(claims.email) ?? loginId ?? '',
    sub: stringClaim(claims.sub),
    groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [],
    role,
    actingGroup: role ? groupOfRole(role) : undefined,
    roles: rankedRoles(tokenRoles(session).roles),
    roleUntil: acting.until,
    identityId: session.identityId,
    accessKeyPrefix: accessKeyId ? accessKeyId.slice(0, 4) : undefined,
    credentialsExpire: session.credentials?.expiration,
  };
}
