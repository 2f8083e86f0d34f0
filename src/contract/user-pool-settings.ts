/**
 * The user pool and the SPA's app client, declared once: the CDK app deploys these settings
 * (`infra/cdk/constructs/user-directory.ts`) and the local user pool enforces them
 * (`infra/local/user-pool/`). `infra/cdk/parity-user-pool.test.ts` checks that both did.
 */

/** Cognito's standard attributes, as its API names them (OpenID Connect's claims). */
export const STANDARD_ATTRIBUTES = [
  'address',
  'birthdate',
  'email',
  'email_verified',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'phone_number_verified',
  'picture',
  'preferred_username',
  'profile',
  'sub',
  'updated_at',
  'website',
  'zoneinfo',
] as const;
export type StandardAttribute = (typeof STANDARD_ATTRIBUTES)[number];

/** Cognito sets `sub` itself; no schema or client can make it writable. */
export const COGNITO_ASSIGNED_ATTRIBUTES: readonly StandardAttribute[] = ['sub'];

/** How the API names a custom attribute: `custom:` and the name the schema declares. */
export const CUSTOM_ATTRIBUTE_PREFIX = 'custom:';
export const customAttribute = (name: string) => `${CUSTOM_ATTRIBUTE_PREFIX}${name}`;

/** `ExplicitAuthFlows` values an app client may list. */
export type ExplicitAuthFlow =
  | 'ALLOW_USER_SRP_AUTH'
  | 'ALLOW_REFRESH_TOKEN_AUTH'
  | 'ALLOW_USER_PASSWORD_AUTH'
  | 'ALLOW_CUSTOM_AUTH'
  | 'ALLOW_ADMIN_USER_PASSWORD_AUTH'
  | 'ALLOW_USER_AUTH';

export interface AttributeSchema {
  required: boolean;
  mutable: boolean;
}

export interface CustomAttributeSchema {
  dataType: 'String' | 'Number';
  mutable: boolean;
}

export interface PasswordPolicy {
  minLength: number;
  requireLowercase: boolean;
  requireUppercase: boolean;
  requireDigits: boolean;
  requireSymbols: boolean;
  temporaryPasswordValidityDays: number;
}

/** `MfaConfiguration`: no second factor, each user's choice, or required of everyone. */
export type MfaConfiguration = 'OFF' | 'OPTIONAL' | 'ON';

/** The second factors the pool offers (CDK's `mfaSecondFactor`). */
export interface MfaSecondFactor {
  /** Software tokens: TOTP from an authenticator app. */
  otp: boolean;
  sms: boolean;
}

export interface UserPoolSettings {
  /** `UsernameConfiguration.CaseSensitive`: also governs the e-mail alias. */
  signInCaseSensitive: boolean;
  /** Attributes Cognito verifies by sending a code when they are set. */
  autoVerifiedAttributes: readonly 'email'[];
  /**
   * `UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate` (CDK `keepOriginal`):
   * a new value of these waits, unused, until the code sent to it is verified; the old value
   * stays verified and signs in meanwhile. Each must also be in `autoVerifiedAttributes`.
   */
  attributesRequireVerificationBeforeUpdate: readonly 'email'[];
  /** Standard attributes whose defaults (optional, mutable) the pool changes. */
  standardAttributes: Readonly<Partial<Record<StandardAttribute, AttributeSchema>>>;
  /** Custom attributes by name without the `custom:` prefix. */
  customAttributes: Readonly<Record<string, CustomAttributeSchema>>;
  passwordPolicy: PasswordPolicy;
  mfa: MfaConfiguration;
  mfaSecondFactor: MfaSecondFactor;
}

export interface AppClientSettings {
  explicitAuthFlows: readonly ExplicitAuthFlow[];
  /** What a user's own access token reads (GetUser) and what the ID token carries. */
  readAttributes: readonly string[];
  /** What a user's own access token may write (UpdateUserAttributes, sign-in challenges). */
  writeAttributes: readonly string[];
  idTokenValiditySeconds: number;
  accessTokenValiditySeconds: number;
  refreshTokenValiditySeconds: number;
  /** How long a sign-in challenge's `Session` lasts. */
  authSessionValiditySeconds: number;
  preventUserExistenceErrors: boolean;
  enableTokenRevocation: boolean;
  /**
   * Whether the client takes part in OAuth 2.0 through a user pool domain (managed login, the
   * authorize and token endpoints, grants, scopes and callback URLs). The local user pool has
   * none of these and refuses to start with it on.
   */
  oAuthEnabled: boolean;
}

export const USER_POOL_SETTINGS: UserPoolSettings = {
  // Case-insensitive, as AWS recommends for nearly every pool: people sign in with their
  // e-mail address, which mail systems in practice treat in any case (`Ada@Example.com` is
  // `ada@example.com`), so they must not be two accounts. CloudFormation's default is
  // case-sensitive, which is why this is stated, not left out.
  signInCaseSensitive: false,
  autoVerifiedAttributes: ['email'],
  // Without it, anyone could rename themself to an address they do not own (another person's,
  // or a new hire's before the invitation), and the console would show it as who they are.
  attributesRequireVerificationBeforeUpdate: ['email'],
  standardAttributes: { email: { required: true, mutable: true } },
  customAttributes: {},
  // Cognito's default policy.
  passwordPolicy: {
    minLength: 8,
    requireLowercase: true,
    requireUppercase: true,
    requireDigits: true,
    requireSymbols: true,
    temporaryPasswordValidityDays: 7,
  },
  // Each user chooses; the admin API refuses administrators without a verified authenticator
  // app, so every admin action is behind a second factor while general users are not forced.
  mfa: 'OPTIONAL',
  // An authenticator app only: SMS would need an SNS role, a spend limit and phone numbers,
  // and is the weaker factor (SIM swapping).
  mfaSecondFactor: { otp: true, sms: false },
};

export const SPA_CLIENT_SETTINGS: AppClientSettings = {
  // SRP only (the password never leaves the browser); Cognito requires refresh on every
  // client ("REFRESH_TOKEN_AUTH should always be allowed.").
  explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  // The SPA and the general API read `email` from the ID token; the console shows whether
  // it is verified.
  readAttributes: ['email', 'email_verified'],
  // Only `email`, for Profile's "Change e-mail", which takes effect once the new address is
  // verified (`attributesRequireVerificationBeforeUpdate`). Never `email_verified`: that would
  // let a user mark any address as theirs. The list cannot be empty either: an app client
  // without WriteAttributes may write every standard attribute (CloudFormation and Terraform
  // drop an empty list).
  writeAttributes: ['email'],
  idTokenValiditySeconds: 3600,
  accessTokenValiditySeconds: 3600,
  refreshTokenValiditySeconds: 30 * 24 * 3600,
  authSessionValiditySeconds: 3 * 60,
  preventUserExistenceErrors: true,
  enableTokenRevocation: true,
  // The console signs in with SRP through Cognito's API and has no managed login, so no grant,
  // scope or callback URL (CDK's defaults would allow the code and implicit grants with an
  // https://example.com callback).
  oAuthEnabled: false,
};
