export declare const DEFAULT_SEEDED_PASSWORDS: string[];
export declare const PUBLISHED_TEST_VECTORS: string[];

export interface SecretFinding {
  /** `aws-access-key-id`, `aws-secret-access-key`, `jwt`, `private-key` or `seeded-password`. */
  rule: string;
  description: string;
  path: string;
  line: number;
  column: number;
  /** The first characters and the length, never the secret. */
  redacted: string;
}

export declare function redact(value: string): string;

export declare function findSecrets(
  text: string,
  path: string,
  options?: { seededPasswords?: string[] },
): SecretFinding[];
