import { z } from 'zod';
import { newSecretAccessKey, newSessionToken, newTemporaryAccessKeyId } from '../aws/identifiers';
import type { StateFile } from '../store/state-file';

const credentialSchema = z.object({
  accessKeyId: z.string(),
  secretAccessKey: z.string(),
  sessionToken: z.string(),
  roleArn: z.string(),
  /** `arn:aws:sts::{account}:assumed-role/{role}/{session}`, the caller as IAM names it. */
  assumedRoleArn: z.string(),
  identityId: z.string(),
  identityPoolId: z.string(),
  /** As API Gateway passes it on: `{provider},{provider}:CognitoSignIn:{sub}`. */
  authenticationProvider: z.string(),
  issuedAt: z.number(),
  expiresAt: z.number(),
});
export type IssuedCredentials = z.infer<typeof credentialSchema>;
export const credentialStoreSchema = z.record(z.string(), credentialSchema);

/** Credentials past expiry are kept this long, so a late caller still hears "expired". */
const KEEP_EXPIRED_MS = 24 * 3600 * 1000;
const ROLE_SESSION_NAME = 'CognitoIdentityCredentials';

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

  issue(input: {
    roleArn: string;
    identityId: string;
    identityPoolId: string;
    authenticationProvider: string;
    lifetimeSeconds: number;
  }): IssuedCredentials {
    const [, , , , account = '', resource = ''] = input.roleArn.split(':');
    const roleName = resource.replace(/^role\/(.*\/)?/, '');
    const issued: IssuedCredentials = {
      accessKeyId: newTemporaryAccessKeyId(),
      secretAccessKey: newSecretAccessKey(),
      sessionToken: newSessionToken(),
      roleArn: input.roleArn,
      assumedRoleArn: `arn:aws:sts::${account}:assumed-role/${roleName}/${ROLE_SESSION_NAME}`,
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
