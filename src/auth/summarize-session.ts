import type { AuthSession } from 'aws-amplify/auth';

/** What the console shows about a signed-in session. Holds no token or secret. */
export interface SessionDetails {
  email: string;
  /** From the ID token's `cognito:groups`, in the token's order. */
  groups: string[];
  /** The ID token's `cognito:preferred_role`: the role the identity pool hands out. */
  role: string | undefined;
  identityId: string | undefined;
  /** First four characters of the access key id (`ASIA` for temporary credentials). */
  accessKeyPrefix: string | undefined;
  credentialsExpire: Date | undefined;
}

function stringClaim(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function summarizeSession(session: AuthSession, loginId?: string): SessionDetails {
  const claims = session.tokens?.idToken?.payload ?? {};
  const groups = claims['cognito:groups'];
  const accessKeyId = session.credentials?.accessKeyId;
  return {
    email: stringClaim(claims.email) ?? loginId ?? '',
    groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [],
    role: stringClaim(claims['cognito:preferred_role']),
    identityId: session.identityId,
    accessKeyPrefix: accessKeyId ? accessKeyId.slice(0, 4) : undefined,
    credentialsExpire: session.credentials?.expiration,
  };
}
