import { Amplify } from 'aws-amplify';
import { signIn } from 'aws-amplify/auth';
import { ConsoleLogger } from 'aws-amplify/utils';
import { amplifySources } from '../auth/amplify-sources';
import { amplifyConfigFrom } from '../config/configure-amplify';
import type { RuntimeConfig } from '@contract/runtime-config';
import type { CredentialsSource } from '../api/credentials-cache';
import type { IdTokenSource } from '../api/id-token-fetch';
import { UsageError } from './usage';

/** A refused sign-in: the CLI exits 4, like any other 4xx. */
export class SignInRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignInRefused';
  }
}

/** Cognito's answers that mean "not with these details". */
const REFUSALS = new Set([
  'NotAuthorizedException',
  'UserNotFoundException',
  'PasswordResetRequiredException',
  'UserNotConfirmedException',
  'InvalidPasswordException',
  'EmptySignInUsername',
  'EmptySignInPassword',
]);

/** The person cancelled the password prompt (Ctrl-C): exit 130, as shells do. */
export class PromptCancelled extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'PromptCancelled';
  }
}

export interface CognitoLogin {
  credentials: CredentialsSource;
  idToken: IdTokenSource;
}

/**
 * Signs in to the user pool with SRP and gets the identity pool's credentials for the user's
 * group role: aws-amplify, configured from the same config.json, the browser's exact path.
 */
export async function loginWithCognito(
  config: RuntimeConfig,
  email: string,
  password: string,
): Promise<CognitoLogin> {
  ConsoleLogger.LOG_LEVEL = 'ERROR'; // Amplify warns about custom (local) endpoints on stderr.
  Amplify.configure(amplifyConfigFrom(config));
  try {
    const { nextStep } = await signIn({ username: email, password });
    if (nextStep.signInStep !== 'DONE') {
      throw new SignInRefused(
        `Sign-in needs another step (${nextStep.signInStep}); finish it in the console first.`,
      );
    }
  } catch (error) {
    if (error instanceof SignInRefused) throw error;
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    // Cognito said no (exit 4); anything else, such as an unreachable user pool, is thrown on.
    if (!REFUSALS.has(name)) throw error;
    throw new SignInRefused(`Sign-in refused (${name}): ${message}`);
  }
  return amplifySources((what) => new SignInRefused(`Cognito gave no ${what}.`));
}

/** The password: $COGNITO_PASSWORD, or typed at the terminal without echo. */
export async function readPassword(
  email: string,
  env: NodeJS.ProcessEnv,
  stdin: NodeJS.ReadStream,
  stderr: NodeJS.WritableStream,
): Promise<string> {
  if (env.COGNITO_PASSWORD) return env.COGNITO_PASSWORD;
  if (!stdin.isTTY) {
    throw new UsageError('no terminal to ask for the password: set COGNITO_PASSWORD');
  }
  stderr.write(`Password for ${email}: `);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const done = (finish: () => void) => {
        stdin.off('data', onData);
        stdin.off('end', onEnd);
        stdin.off('error', onError);
        finish();
      };
      const onEnd = () => done(() => reject(new SignInRefused('No password was typed.')));
      const onError = (error: Error) => done(() => reject(error));
      const onData = (chunk: string) => {
        // Escape sequences (arrow keys and the like) are not part of a password.
        // eslint-disable-next-line no-control-regex -- matching terminal escapes is the point
        for (const char of chunk.replace(/\u001b\[[0-9;]*[A-Za-z~]|\u001b./g, '')) {
          if (char === '\r' || char === '\n' || char === '\u0004') {
            done(() => resolve(typed));
            return;
          }
          if (char === '\u0003') {
            done(() => reject(new PromptCancelled()));
            return;
          }
          if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
          else if (char >= ' ') typed += char;
        }
      };
      stdin.on('data', onData);
      stdin.once('end', onEnd);
      stdin.once('error', onError);
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    stderr.write('\n');
  }
}
