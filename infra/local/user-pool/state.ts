import { z } from 'zod';
import { storedSigningKeySchema } from './signing-key';

export const USER_STATUSES = ['CONFIRMED', 'FORCE_CHANGE_PASSWORD', 'RESET_REQUIRED'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

const userSchema = z.object({
  /** Cognito's username. With e-mail sign-in this is a UUID equal to `sub`. */
  username: z.string(),
  attributes: z.record(z.string(), z.string()),
  enabled: z.boolean(),
  status: z.enum(USER_STATUSES),
  password: z.object({ salt: z.string(), verifier: z.string() }),
  /** Epoch ms after which a temporary password no longer signs in. */
  temporaryPasswordExpiresAt: z.number().optional(),
  groups: z.array(z.string()),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Epoch seconds: tokens issued before this were signed out globally. */
  tokensValidAfter: z.number(),
  resetCode: z.object({ code: z.string(), expiresAt: z.number() }).optional(),
  /**
   * The last code sent to verify an e-mail address: the user's own, or (with the pool's
   * `attributesRequireVerificationBeforeUpdate`) a new one that waits for it, which is not yet
   * theirs. Kept until verified or replaced.
   */
  emailVerification: z
    .object({ address: z.string(), code: z.string(), expiresAt: z.number() })
    .optional(),
  /**
   * The user's authenticator app (TOTP). The secrets are as sensitive as passwords: kept in
   * the state file only, never logged or answered after AssociateSoftwareToken.
   */
  softwareToken: z
    .object({
      /** Proven by VerifySoftwareToken; undefined until then. */
      secret: z.string().optional(),
      /** From AssociateSoftwareToken, waiting for VerifySoftwareToken to prove it. */
      pendingSecret: z.string().optional(),
      /** SetUserMFAPreference's `Enabled`: sign-in asks for a code. */
      enabled: z.boolean(),
      /** SetUserMFAPreference's `PreferredMfa`. */
      preferred: z.boolean(),
      /** The last 30-second step accepted: a code is good once (RFC 6238 §5.2). */
      lastAcceptedStep: z.number().optional(),
    })
    .optional(),
});
export type UserRecord = z.infer<typeof userSchema>;

const groupSchema = z.object({
  name: z.string(),
  description: z.string(),
  precedence: z.number().int(),
  roleArn: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type GroupRecord = z.infer<typeof groupSchema>;

const refreshTokenSchema = z.object({
  username: z.string(),
  clientId: z.string(),
  /** The `origin_jti` of every access and ID token minted from this refresh token. */
  originJti: z.string(),
  authTime: z.number(),
  expiresAt: z.number(),
  revoked: z.boolean(),
});
export type RefreshTokenRecord = z.infer<typeof refreshTokenSchema>;

export const userPoolStateSchema = z.object({
  userPoolId: z.string(),
  userPoolName: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  createdAt: z.number(),
  /** Signs ID tokens (and, in state files written before access tokens had their own, both). */
  signingKey: storedSigningKeySchema,
  /** Signs access tokens; created on open when an older state file lacks it. */
  accessTokenSigningKey: storedSigningKeySchema.optional(),
  users: z.record(z.string(), userSchema),
  groups: z.record(z.string(), groupSchema),
  /** Keyed by the SHA-256 of the refresh token: the token itself is never stored. */
  refreshTokens: z.record(z.string(), refreshTokenSchema),
});
export type UserPoolState = z.infer<typeof userPoolStateSchema>;
