import { AwsError } from '../aws/errors';

/**
 * Wrong codes allowed before Cognito refuses every attempt for a while. Cognito does not
 * publish the number ("we do not share externally the exact limits involved",
 * amazon-cognito-identity-js #548); people report LimitExceededException after the fifth
 * wrong code (amplify-ui-android #180, for password-reset codes).
 */
export const WRONG_CODES_ALLOWED = 5;
/**
 * How long the refusal lasts after the last wrong code. Cognito says only "please try after
 * some time"; 15 minutes is our choice, the length of its sign-in lockout's cap.
 */
export const WRONG_CODE_LIMIT_MS = 15 * 60 * 1000;

interface WrongCodes {
  count: number;
  lastAt: number;
}

/**
 * Cognito's limit on guessing a verification code. Once reached it refuses the right code too,
 * so a six-digit code cannot be found by trying; sending a new code does not lift it (or each
 * new code would bring five more guesses). Kept in memory per user, like the sign-in lockout.
 */
export class WrongCodeLimit {
  private readonly records = new Map<string, WrongCodes>();

  constructor(private readonly now: () => number) {}

  assertAllowed(key: string): void {
    const record = this.current(key);
    if (record && record.count >= WRONG_CODES_ALLOWED) {
      throw new AwsError(
        'LimitExceededException',
        'Attempt limit exceeded, please try after some time.',
      );
    }
  }

  recordWrongCode(key: string): void {
    const record = this.current(key) ?? { count: 0, lastAt: 0 };
    this.records.set(key, { count: record.count + 1, lastAt: this.now() });
  }

  recordSuccess(key: string): void {
    this.records.delete(key);
  }

  private current(key: string): WrongCodes | undefined {
    const record = this.records.get(key);
    if (record && this.now() - record.lastAt >= WRONG_CODE_LIMIT_MS) {
      this.records.delete(key);
      return undefined;
    }
    return record;
  }
}
