import { confirmSignIn, signIn, type SignInOutput } from 'aws-amplify/auth';
import { ConsoleLogger } from 'aws-amplify/utils';
import { amplifySources } from '../auth/amplify-sources';
import { leastPrivilegedRole, rankedRoles } from '../auth/roles/acting-role';
import {
  createRoleCredentialsProvider,
  type RoleCredentialsProvider,
} from '../auth/roles/role-credentials-provider';
import { roleName } from '../auth/roles/role-name';
import { configureAmplify } from '../config/configure-amplify';
import type { RuntimeConfig } from '@contract/runtime-config';
import type { CredentialsSource } from '../api/credentials-cache';
import type { IdTokenSource } from '../api/id-token-fetch';

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
  'EmptyConfirmSignInChallengeResponse',
]);

/** Refusals a person can act on better with a sentence of ours than with Cognito's words. */
const SENTENCES: Readonly<Record<string, string>> = {
  CodeMismatchException:
    'Sign-in refused: the authenticator code is wrong or was already used. Wait for the next code and try again.',
};

export interface CognitoLogin {
  credentials: CredentialsSource;
  idToken: IdTokenSource;
}

/**
 * The role `--role` names among the token's roles: an ARN as given (the identity pool refuses
 * one the token does not carry, as in AWS), else a role or group name of the user's.
 */
export function requestedRole(role: string, tokenRoles: string[]): string {
  if (role.startsWith('arn:')) return role;
  const mine = rankedRoles(tokenRoles);
  const match = mine.find((r) => roleName(r.arn) === role || r.group === role);
  if (match) return match.arn;
  const names = mine.map((r) => `${roleName(r.arn)} (${r.group})`).join(', ') || 'none';
  throw new SignInRefused(`You have no role "${role}". Your sign-in carries: ${names}.`);
}

/**
 * The identity pool refusing the role asked for (`--role` with an ARN the sign-in does not
 * carry) is a refused sign-in (exit 4), not an unreachable API, and says which roles it has.
 */
function refusalsAsSignInRefused(
  role: string | undefined,
  provider: RoleCredentialsProvider,
): RoleCredentialsProvider {
  return {
    ...provider,
    async getCredentialsAndIdentityId(options) {
      try {
        return await provider.getCredentialsAndIdentityId(options);
      } catch (error) {
        const name = (error as Error).name;
        if (role === undefined || !ROLE_REFUSALS.has(name)) throw error;
        const claim = options.tokens?.idToken?.payload['cognito:roles'];
        const names = rankedRoles(Array.isArray(claim) ? (claim as string[]) : [])
          .map((r) => `${roleName(r.arn)} (${r.group})`)
          .join(', ');
        throw new SignInRefused(
          `The identity pool refused the role ${role} (${name}: ${(error as Error).message}). Your sign-in carries: ${names || 'none'}.`,
        );
      }
    },
  };
}

/** How the identity pool refuses a `CustomRoleArn`. */
const ROLE_REFUSALS = new Set(['InvalidParameterException', 'NotAuthorizedException']);

/**
 * Signs in to the user pool with SRP and gets the identity pool's credentials for one of the
 * user's group roles: `role` if given (`--role`), else the least privileged, as the console
 * does. aws-amplify, configured from the same config.json, the browser's exact path. When
 * Cognito asks for the authenticator app's code (SOFTWARE_TOKEN_MFA), `totpCode` gives it.
 */
export async function loginWithCognito(
  config: RuntimeConfig,
  email: string,
  password: string,
  totpCode: () => Promise<string>,
  role?: string,
): Promise<CognitoLogin> {
  ConsoleLogger.LOG_LEVEL = 'ERROR'; // Amplify warns about custom (local) endpoints on stderr.
  configureAmplify(
    config,
    refusalsAsSignInRefused(
      role,
      createRoleCredentialsProvider(({ roles }) =>
        role === undefined ? leastPrivilegedRole(roles) : requestedRole(role, roles),
      ),
    ),
  );
  try {
    let { nextStep }: SignInOutput = await signIn({ username: email, password });
    if (nextStep.signInStep === 'CONFIRM_SIGN_IN_WITH_TOTP_CODE') {
      ({ nextStep } = await confirmSignIn({ challengeResponse: await totpCode() }));
    }
    if (nextStep.signInStep !== 'DONE') {
      throw new SignInRefused(
        `Sign-in needs another step (${nextStep.signInStep}); finish it in the console first.`,
      );
    }
  } catch (error) {
    if (error instanceof SignInRefused) throw error;
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    const sentence = SENTENCES[name];
    if (sentence) throw new SignInRefused(sentence);
    // Cognito said no (exit 4); anything else, such as an unreachable user pool, is thrown on.
    if (!REFUSALS.has(name)) throw error;
    throw new SignInRefused(`Sign-in refused (${name}): ${message}`);
  }
  return amplifySources((what) => new SignInRefused(`Cognito gave no ${what}.`));
}
