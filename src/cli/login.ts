import { Amplify } from 'aws-amplify';
import { fetchAuthSession, signIn } from 'aws-amplify/auth';
import { ConsoleLogger } from 'aws-amplify/utils';
import { amplifyConfigFrom } from '../config/configureAmplify';
import type { RuntimeConfig } from '../contract/runtime-config';
import type { CredentialsSource } from '../api/credentials-cache';
import type { IdTokenSource } from '../api/id-token-fetch';

/** A refused sign-in: the CLI exits 4, like any other 4xx. */
export class SignInRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignInRefused';
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
    throw new SignInRefused(`Sign-in refused (${name}): ${message}`);
  }
  return {
    credentials: async ({ forceRefresh }) => {
      const { credentials } = await fetchAuthSession({ forceRefresh });
      if (!credentials) throw new SignInRefused('The identity pool gave no credentials.');
      return credentials;
    },
    idToken: async ({ forceRefresh }) => {
      const token = (await fetchAuthSession({ forceRefresh })).tokens?.idToken;
      if (!token) throw new SignInRefused('The user pool gave no ID token.');
      const exp = token.payload.exp;
      return { token: token.toString(), expiration: exp ? new Date(exp * 1000) : undefined };
    },
  };
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
    throw new SignInRefused('No terminal to ask for the password: set COGNITO_PASSWORD.');
  }
  stderr.write(`Password for ${email}: `);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const onData = (chunk: string) => {
        for (const char of chunk) {
          if (char === '\r' || char === '\n') {
            stdin.off('data', onData);
            resolve(typed);
            return;
          }
          if (char === '\u0003') {
            stdin.off('data', onData);
            reject(new SignInRefused('Cancelled.'));
            return;
          }
          typed = char === '\u007f' ? typed.slice(0, -1) : typed + char;
        }
      };
      stdin.on('data', onData);
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    stderr.write('\n');
  }
}
