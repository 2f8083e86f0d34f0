import { z } from 'zod';
import { resourceNotFound } from '../aws/errors';
import { newOpaqueToken } from '../aws/identifiers';
import type { StateFile } from '../store/state-file';

const secretSchema = z.object({
  name: z.string(),
  arn: z.string(),
  value: z.string(),
  versionId: z.string(),
  createdAt: z.number(),
});
export type Secret = z.infer<typeof secretSchema>;
export const secretStoreSchema = z.record(z.string(), secretSchema);

/** Secrets Manager's state: named string secrets, as the handlers read them. */
export class SecretStore {
  private readonly secrets: Record<string, Secret>;

  constructor(
    private readonly file: StateFile<Record<string, Secret>>,
    private readonly options: { region: string; accountId: string; now: () => number },
  ) {
    this.secrets = file.load() ?? {};
  }

  /** Where the secrets are kept (the local stack's state directory). */
  get path(): string {
    return this.file.path;
  }

  /** Creates the secret with `value` (or a random one) unless it exists; `value` replaces it. */
  ensure(name: string, value?: string): Secret {
    const existing = Object.hasOwn(this.secrets, name) ? this.secrets[name] : undefined;
    if (existing && (value === undefined || existing.value === value)) return existing;
    const secret: Secret = {
      name,
      arn: `arn:aws:secretsmanager:${this.options.region}:${this.options.accountId}:secret:${name}-${newOpaqueToken(4).slice(0, 6)}`,
      value: value ?? newOpaqueToken(32),
      versionId: crypto.randomUUID(),
      createdAt: this.options.now(),
    };
    this.secrets[name] = secret;
    this.file.save(this.secrets);
    return secret;
  }

  /**
   * The ARN IAM authorises a call on: the secret's own, or for one that does not exist the
   * ARN its name would have (IAM is asked first, so a caller without rights never learns
   * whether a secret exists).
   */
  arnFor(secretId: string): string {
    if (secretId.startsWith('arn:')) return secretId;
    const secret = Object.values(this.secrets).find((s) => s.name === secretId);
    return (
      secret?.arn ??
      `arn:aws:secretsmanager:${this.options.region}:${this.options.accountId}:secret:${secretId}`
    );
  }

  /** By name or ARN, as GetSecretValue's `SecretId` allows. */
  get(secretId: string): Secret {
    const secret = Object.values(this.secrets).find(
      (s) => s.name === secretId || s.arn === secretId,
    );
    if (!secret) throw resourceNotFound("Secrets Manager can't find the specified secret.");
    return secret;
  }
}
