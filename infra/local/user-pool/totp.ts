import { Secret, TOTP } from 'otpauth';

/**
 * RFC 6238 as authenticator apps and Cognito use it: SHA-1, six digits, 30-second steps, a
 * code accepted for the current step and one step either side (clock drift, typing time).
 */
export const TOTP_PARAMETERS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
const ACCEPTED_STEPS_EITHER_SIDE = 1;
/** Cognito's `SecretCode` is 32 random bytes in base32 (52 characters). */
const SECRET_BYTES = 32;

const totpOf = (secret: string) =>
  new TOTP({ ...TOTP_PARAMETERS, secret: Secret.fromBase32(secret) });

/** A new shared secret, base32 as AssociateSoftwareToken's `SecretCode` carries it. */
export function newTotpSecret(): string {
  return new Secret({ size: SECRET_BYTES }).base32;
}

/** The 30-second step (RFC 6238's T) that `at` (epoch ms) falls in. */
export function totpStep(at: number): number {
  return TOTP.counter({ period: TOTP_PARAMETERS.period, timestamp: at });
}

/** The code for one step. */
export function totpCodeForStep(secret: string, step: number): string {
  return totpOf(secret).generate({ timestamp: step * TOTP_PARAMETERS.period * 1000 });
}

/** The step `code` belongs to within the accepted window around `at`, or undefined. */
export function matchingTotpStep(secret: string, code: string, at: number): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totpOf(secret).validate({
    token: code,
    timestamp: at,
    window: ACCEPTED_STEPS_EITHER_SIDE,
  });
  return delta === null ? undefined : totpStep(at) + delta;
}
