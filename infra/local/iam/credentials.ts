import { z } from 'zod';
import { newSecretAccessKey, newSessionToken, newTemporaryAccessKeyId } from '../aws/identifiers';
import type { StateFile } from '../store/state-file';

const credentialSchema = z.object({
  accessKeyId: z.string(),
  secretAccessKey: z.string(),
  /** Temporary credentials (STS's) have one; an IAM user's long-term key has none. */
  sessionToken: z.string().optional(),
  /** Whose identity policies apply: the role assumed, or the IAM user. */
  roleArn: z.string(),
  /**
   * The caller as IAM names it in a refusal: `arn:aws:sts::{account}:assumed-role/{role}/{session}`
   * for temporary credentials, the user's ARN for a long-term key.
   */
  assumedRoleArn: z.string(),
  /** Identity-pool credentials only: whose identity, from which pool, signed in how. */
  identityId: z.string().optional(),
  identityPoolId: z.string().optional(),
  /** As API Gateway passes it on: `{provider},{provider}:CognitoSignIn:{sub}`. */
  authenticationProvider: z.string().optional(),
  issuedAt: z.number(),
  expiresAt: z.number(),
});
export type IssuedCredentials = z.infer<typeof credentialSchema>;
/** What STS hands out: always with a session token. */
export type TemporaryCredentials = IssuedCredentials & { sessionToken: string };
export const credentialStoreSchema = z.record(z.string(), credentialSchema);

/** An IAM user's access key never expires by itself. */
const NEVER = Number.MAX_SAFE_INTEGER;
/** `AKIA` + 16: IAM's shape for long-term access keys. */
const newLongTermAccessKeyId = () => `AKIA${newTemporaryAccessKeyId().slice(4)}`;

/** Credentials past expiry are kept this long, so a late caller still hears "expired". */
const KEEP_EXPIRED_MS = 24 * 3600 * 1000;
/** The session name the identity pool gives the roles it assumes. */
const IDENTITY_POOL_SESSION_NAME = 'CognitoIdentityCredentials';

/**
 * The temporary credentials the identity pool has issued, as STS would record them: the
 * gateway looks a signed request's access key up here to verify and authorise it.
 */
export class CredentialStore {
  private readonly credentials: Record<string, IssuedCredentials>;

  constructor(
    private readonly file: StateFile<Record<string, IssuedCredentials>>,
    private readonly now: () => number,
  ) {
    this.credentials = file.load() ?? {};
  }

  /**
   * Temporary credentials of a role, as STS's AssumeRole* issues them: for the identity pool
   * (with the identity they were issued to) or for a Lambda function's execution role (the
   * session named after the function, as Lambda names it).
   */
  issue(input: {
    roleArn: string;
    lifetimeSeconds: number;
    sessionName?: string;
    identityId?: string;
    identityPoolId?: string;
    authenticationProvider?: string;
  }): TemporaryCredentials {
    const [, , , , account = '', resource = ''] = input.roleArn.split(':');
    const roleName = resource.replace(/^role\/(.*\/)?/, '');
    const session = input.sessionName ?? IDENTITY_POOL_SESSION_NAME;
    const issued: TemporaryCredentials = {
      accessKeyId: newTemporaryAccessKeyId(),
      secretAccessKey: newSecretAccessKey(),
      sessionToken: newSessionToken(),
      roleArn: input.roleArn,
      assumedRoleArn: `arn:aws:sts::${account}:assumed-role/${roleName}/${session}`,
      identityId: input.identityId,
      identityPoolId: input.identityPoolId,
      authenticationProvider: input.authenticationProvider,
      issuedAt: this.now(),
      expiresAt: this.now() + input.lifetimeSeconds * 1000,
    };
    this.prune();
    this.credentials[issued.accessKeyId] = issued;
    this.file.save(this.credentials);
    return issued;
  }

  /**
   * The long-term access key of an IAM user (`arn:aws:iam::{account}:user/{name}`), created
   * once and kept: what an account's administrator has on a laptop.
   */
  ensureUserKey(userArn: string): IssuedCredentials {
    const existing = Object.values(this.credentials).find(
      (c) => c.roleArn === userArn && c.sessionToken === undefined,
    );
    if (existing) return existing;
    const key: IssuedCredentials = {
      accessKeyId: newLongTermAccessKeyId(),
      secretAccessKey: newSecretAccessKey(),
      roleArn: userArn,
      assumedRoleArn: userArn,
      issuedAt: this.now(),
      expiresAt: NEVER,
    };
    this.credentials[key.accessKeyId] = key;
    this.file.save(this.credentials);
    return key;
  }

  find(accessKeyId: string): IssuedCredentials | undefined {
    return Object.hasOwn(this.credentials, accessKeyId) ? this.credentials[accessKeyId] : undefined;
  }

  /** Makes every live credential of one identity expire now; returns how many there were. */
  expireIdentity(identityId: string): number {
    let count = 0;
    for (const issued of Object.values(this.credentials)) {
      if (issued.identityId === identityId && issued.expiresAt > this.now()) {
        issued.expiresAt = this.now();
        count++;
      }
    }
    this.file.save(this.credentials);
    return count;
  }

  private prune(): void {
    for (const [key, issued] of Object.entries(this.credentials)) {
      if (issued.expiresAt + KEEP_EXPIRED_MS < this.now()) delete this.credentials[key];
    }
  }
}
