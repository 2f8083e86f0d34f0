import type { MfaSecondFactor } from '@contract';
import { AwsError, invalidParameter } from '../aws/errors';
import type { UserRecord } from './state';
import { matchingTotpStep, newTotpSecret, totpCodeForStep, totpStep } from './totp';

/** What AssociateSoftwareToken and VerifySoftwareToken answer when the pool offers no TOTP. */
export const softwareTokenNotEnabledByPool = () =>
  new AwsError(
    'SoftwareTokenMFANotFoundException',
    'Software Token MFA has not been enabled by the userPool.',
  );

/** SetUserMFAPreference's `SoftwareTokenMfaSettings` / `SMSMfaSettings`. */
export interface MfaSettingsInput {
  Enabled?: boolean;
  PreferredMfa?: boolean;
}

/** GetUser's and AdminGetUser's MFA fields; absent when nothing is set, as Cognito omits them. */
export interface UserMfaSettings {
  UserMFASettingList?: string[];
  PreferredMfaSetting?: string;
}

interface SoftwareTokenOptions {
  secondFactor: MfaSecondFactor;
  now: () => number;
  save: () => void;
}

/**
 * Users' authenticator apps: associating a secret, proving it with a code, turning it on as a
 * second factor, and checking sign-in codes, each code good once.
 */
export class SoftwareTokens {
  constructor(private readonly options: SoftwareTokenOptions) {}

  /** AssociateSoftwareToken: a new secret, used only once VerifySoftwareToken proves it. */
  associate(user: UserRecord): string {
    this.assertOfferedByPool();
    const secret = newTotpSecret();
    user.softwareToken = {
      enabled: false,
      preferred: false,
      ...user.softwareToken,
      pendingSecret: secret,
    };
    this.options.save();
    return secret;
  }

  /** VerifySoftwareToken: a code from the new secret makes it the user's. */
  verify(user: UserRecord, code: string): void {
    this.assertOfferedByPool();
    const token = user.softwareToken;
    if (!token?.pendingSecret) {
      // The exception VerifySoftwareToken declares for this; the message is ours.
      throw new AwsError(
        'SoftwareTokenMFANotFoundException',
        'Software Token MFA does not exist for the user.',
      );
    }
    const step = matchingTotpStep(token.pendingSecret, code, this.options.now());
    if (step === undefined) {
      throw new AwsError('EnableSoftwareTokenMFAException', 'Code mismatch');
    }
    user.softwareToken = {
      enabled: token.enabled,
      preferred: token.preferred,
      secret: token.pendingSecret,
      // The step that proved the secret is spent: it cannot also complete a sign-in.
      lastAcceptedStep: step,
    };
    this.options.save();
  }

  /** SetUserMFAPreference and AdminSetUserMFAPreference; what is not given stays as it was. */
  setPreference(
    user: UserRecord,
    softwareToken: MfaSettingsInput | undefined,
    sms: MfaSettingsInput | undefined,
  ): void {
    if (sms?.Enabled || sms?.PreferredMfa) {
      // The pool offers no SMS and users have no phone number to send one to.
      throw invalidParameter('User does not have delivery config set to turn on SMS_MFA');
    }
    if (!softwareToken) return;
    const token = user.softwareToken;
    const enabled = softwareToken.Enabled ?? token?.enabled ?? false;
    if ((enabled || softwareToken.PreferredMfa) && !token?.secret) {
      // What Cognito answers before VerifySoftwareToken has succeeded (aws-sdk-js-v3 #4645).
      throw invalidParameter(
        'User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA',
      );
    }
    if (!token) return;
    token.enabled = enabled;
    token.preferred = enabled && (softwareToken.PreferredMfa ?? token.preferred);
    this.options.save();
  }

  /** MFA_SETUP's end: the verified app becomes the user's second factor. */
  enableVerified(user: UserRecord): void {
    if (!user.softwareToken?.secret) throw new Error('No verified software token to enable.');
    user.softwareToken.enabled = true;
    user.softwareToken.preferred = true;
    this.options.save();
  }

  /** Whether sign-in asks this user for a code. */
  isEnabled(user: UserRecord): boolean {
    return Boolean(user.softwareToken?.enabled && user.softwareToken.secret);
  }

  /** Whether the user has proven an app (MFA `ON` then asks for a code, not for a setup). */
  isVerified(user: UserRecord): boolean {
    return Boolean(user.softwareToken?.secret);
  }

  /**
   * A sign-in code: right for a step within the window and later than the last step accepted.
   * A code seen once is refused even within its 90 seconds (RFC 6238 §5.2): someone who
   * watched it being typed, or read it from a log, must not sign in with it.
   */
  acceptCode(user: UserRecord, code: string): boolean {
    const token = user.softwareToken;
    if (!token?.secret) return false;
    const step = matchingTotpStep(token.secret, code, this.options.now());
    if (step === undefined || step <= (token.lastAcceptedStep ?? -Infinity)) return false;
    token.lastAcceptedStep = step;
    this.options.save();
    return true;
  }

  /**
   * For trying sign-in locally (`/_local/totp`), never an AWS API: the code an authenticator
   * app would show that the pool still takes, the current step's unless it was already used.
   */
  codeToSignIn(user: UserRecord): string | undefined {
    const token = user.softwareToken;
    if (!token?.secret || !this.isEnabled(user)) return undefined;
    const current = totpStep(this.options.now());
    const step = Math.max(current, (token.lastAcceptedStep ?? -Infinity) + 1);
    // Every step the pool would take now is spent: there is no code until the next step.
    if (step > current + 1) return undefined;
    return totpCodeForStep(token.secret, step);
  }

  /** GetUser's and AdminGetUser's view: TOTP is listed once it is turned on. */
  settingsOf(user: UserRecord): UserMfaSettings {
    if (!this.isEnabled(user)) return {};
    return {
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      ...(user.softwareToken?.preferred ? { PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' } : {}),
    };
  }

  assertOfferedByPool(): void {
    if (!this.options.secondFactor.otp) throw softwareTokenNotEnabledByPool();
  }
}
