import { randomInt } from 'node:crypto';
import { AwsError, invalidParameter } from '../aws/errors';
import { timingSafeEqualStrings } from '../aws/timing-safe';
import type { Outbox } from './outbox';
import type { UserRecord } from './state';
import { WrongCodeLimit } from './wrong-code-limit';

/** "The verification code or link is valid for 24 hours." (Cognito developer guide) */
export const VERIFICATION_CODE_LIFETIME_MS = 24 * 3600 * 1000;

/** A six-digit code, as Cognito e-mails them. */
export const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

export const codeMismatch = () =>
  new AwsError('CodeMismatchException', 'Invalid verification code provided, please try again.');

export const expiredCode = () =>
  new AwsError('ExpiredCodeException', 'Invalid code provided, please request a code again.');

export const emailTaken = () =>
  new AwsError('AliasExistsException', 'An account with the given email already exists.');

export interface EmailVerificationOptions {
  outbox: Outbox;
  now: () => number;
  save: () => void;
  /** Whose address `email` is now, compared as sign-in compares names. */
  ownerOf: (email: string) => UserRecord | undefined;
  /** `autoVerifiedAttributes` has `email`: a new address is sent a code. */
  autoVerify: boolean;
  /** `attributesRequireVerificationBeforeUpdate` has `email` (CDK `keepOriginal`). */
  keepOriginal: boolean;
}

/**
 * How the pool changes and verifies e-mail addresses, as Cognito does with the pool's settings.
 *
 * With `keepOriginal`, "Amazon Cognito leaves the attribute verified and set to its original
 * value until your user verifies the new attribute value ... your user can sign in with the
 * original attribute value until verification changes the attribute to the new value"
 * (developer guide, "Verifying when users change their email or phone number"). The new address
 * is then only where the code went (`UserRecord.emailVerification`): no API shows it (Cognito's
 * UserType and GetUser answer have no field for a pending value), no sign-in or lookup finds it,
 * and nobody owns it until the code comes back, so another user may be given it meanwhile.
 * Without `keepOriginal` the address changes at once, unverified.
 */
export class EmailVerification {
  private readonly wrongCodes: WrongCodeLimit;

  constructor(private readonly options: EmailVerificationOptions) {
    this.wrongCodes = new WrongCodeLimit(options.now);
  }

  /**
   * Writes `attributes` (already checked against the schema and, for a user's own write, the
   * app client). Returns the address a verification code went to, if one did.
   *
   * `email_verified: 'true'` beside a new `email` applies it at once with no code, as
   * AdminUpdateUserAttributes documents ("To skip the verification message and update the
   * value of an attribute that requires verification in the same API request, include the
   * email_verified ... attribute, with a value of true"); a user's own token cannot write
   * `email_verified` (the app client's write attributes).
   */
  write(user: UserRecord, attributes: Record<string, string>): string | undefined {
    const { email, ...others } = attributes;
    if (email === undefined || email === user.attributes.email) {
      this.apply(user, attributes);
      return undefined;
    }
    // Refused at once when another user has the address now; whether Cognito waits for the
    // verification to refuse it, we could not confirm (refusing early is never looser).
    this.assertFree(user, email);
    if (others.email_verified === 'true') {
      user.emailVerification = undefined;
      this.apply(user, attributes);
      return undefined;
    }
    // Whatever else was written applies now; an admin's `email_verified: 'false'` beside a
    // pending address is applied to the current one (not confirmed against Cognito).
    this.apply(
      user,
      this.options.keepOriginal ? others : { email_verified: 'false', ...attributes },
    );
    return this.options.autoVerify ? this.sendCode(user, email) : undefined;
  }

  /**
   * GetUserAttributeVerificationCode: a new code to the pending address, or else to the
   * current one. (For an address already verified and nothing pending, Cognito's behaviour is
   * undocumented; sending one is harmless.)
   */
  resend(user: UserRecord, attributeName: string): string {
    assertVerifiable(attributeName);
    return this.sendCode(user, user.emailVerification?.address ?? user.attributes.email!);
  }

  /**
   * VerifyUserAttribute: the right code makes its address the user's e-mail, verified. "If your
   * user pool requires verification before Amazon Cognito updates the attribute value, this
   * operation updates the affected attribute to its pending value." (API reference)
   */
  verify(user: UserRecord, attributeName: string, code: string): void {
    assertVerifiable(attributeName);
    this.wrongCodes.assertAllowed(user.username);
    const sent = user.emailVerification;
    if (!sent) throw codeMismatch();
    if (sent.expiresAt <= this.options.now()) throw expiredCode();
    if (!timingSafeEqualStrings(sent.code, code)) {
      this.wrongCodes.recordWrongCode(user.username);
      throw codeMismatch();
    }
    // Someone may have been given the address while it waited (VerifyUserAttribute declares
    // AliasExistsException for this); it stays theirs.
    this.assertFree(user, sent.address);
    this.wrongCodes.recordSuccess(user.username);
    user.emailVerification = undefined;
    this.apply(user, { email: sent.address, email_verified: 'true' });
  }

  private assertFree(user: UserRecord, email: string): void {
    const owner = this.options.ownerOf(email);
    if (owner && owner.username !== user.username) throw emailTaken();
  }

  private apply(user: UserRecord, attributes: Record<string, string>): void {
    Object.assign(user.attributes, attributes);
    user.updatedAt = this.options.now();
    this.options.save();
  }

  private sendCode(user: UserRecord, address: string): string {
    const code = newCode();
    user.emailVerification = {
      address,
      code,
      expiresAt: this.options.now() + VERIFICATION_CODE_LIFETIME_MS,
    };
    this.options.save();
    // Cognito's default verification message.
    this.options.outbox.send({
      to: address,
      username: user.username,
      kind: 'verification-code',
      secret: code,
      subject: 'Your verification code',
      body: `Your verification code is ${code}.`,
    });
    return address;
  }
}

/**
 * The pool verifies e-mail only. The first message is Cognito's as a user reported it
 * (amplify-js #3652); the second, for a phone number this pool never verifies, is ours.
 */
function assertVerifiable(attributeName: string): void {
  if (attributeName === 'email') return;
  throw invalidParameter(
    attributeName === 'phone_number'
      ? 'This user pool does not verify phone numbers.'
      : 'Invalid attribute name. Only phone_number and email can be verified.',
  );
}
