/**
 * A test-only client for Cognito's SRP sign-in (USER_SRP_AUTH, then PASSWORD_VERIFIER), the
 * flow the deployed app client allows, for tests that sign in several users at once.
 *
 * Why not aws-amplify, which the SPA and the CLI use: its `signIn` keeps one signed-in user in
 * a process-wide singleton, so concurrent users (a test signing in an admin and a general user,
 * the e2e operator beside the browser) would overwrite each other. No other maintained SRP
 * library speaks Cognito's variant. So this is the client half of the math in
 * `user-pool/srp.ts`, sharing its group, hashing and signature helpers; what keeps both halves
 * honest is `srp.amplify.integration.test.ts`, where unmodified Amplify signs in against the
 * server half.
 */
import { randomBytes } from 'node:crypto';
import {
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  type AuthenticationResultType,
  type CognitoIdentityProviderClient,
  type InitiateAuthCommandInput,
  type RespondToAuthChallengeCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  SRP_GROUP,
  passwordClaimSignature,
  passwordExponent,
  poolShortName,
  scramblingParameter,
  toBigInt,
} from '../user-pool/srp';
import { groupPow } from './group-pow';

/** What InitiateAuth and RespondToAuthChallenge answer, as far as sign-in needs it. */
export interface AuthOutcome {
  AuthenticationResult?: AuthenticationResultType;
  ChallengeName?: string;
  ChallengeParameters?: Record<string, string>;
  Session?: string;
}

/** The two calls SRP sign-in makes: over the SDK, or straight into an in-process pool. */
export interface SignInTransport {
  initiateAuth(input: InitiateAuthCommandInput): Promise<AuthOutcome>;
  respondToAuthChallenge(input: RespondToAuthChallengeCommandInput): Promise<AuthOutcome>;
}

export const sdkTransport = (idp: CognitoIdentityProviderClient): SignInTransport => ({
  initiateAuth: (input) => idp.send(new InitiateAuthCommand(input)),
  respondToAuthChallenge: (input) => idp.send(new RespondToAuthChallengeCommand(input)),
});

export interface SrpSignInInput {
  userPoolId: string;
  clientId: string;
  /** The e-mail address or the username. */
  username: string;
  password: string;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** `Tue Nov 21 08:42:07 UTC 2026`, the TIMESTAMP Amplify signs (day unpadded, time padded). */
export function srpTimestamp(date: Date): string {
  return `${WEEKDAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`;
}

/**
 * Signs in with SRP and answers PASSWORD_VERIFIER. Resolves with what the password proof
 * earned (tokens, or the next challenge such as NEW_PASSWORD_REQUIRED); rejects with
 * Cognito's error as the transport reports it.
 */
export async function srpSignIn(
  idp: CognitoIdentityProviderClient | SignInTransport,
  input: SrpSignInInput,
): Promise<AuthOutcome> {
  const transport = 'send' in idp ? sdkTransport(idp) : idp;
  const { N, g, k } = SRP_GROUP;
  // The client's own powers, by OpenSSL (`groupPow`); the server's half stays in `srp.ts`.
  let a: bigint;
  let A: bigint;
  do {
    a = toBigInt(randomBytes(128).toString('hex'));
    A = groupPow(g, a);
  } while (A % N === 0n);

  const challenge = await transport.initiateAuth({
    ClientId: input.clientId,
    AuthFlow: 'USER_SRP_AUTH',
    AuthParameters: { USERNAME: input.username, SRP_A: A.toString(16) },
  });
  const params = challenge.ChallengeParameters ?? {};
  if (challenge.ChallengeName !== 'PASSWORD_VERIFIER') {
    throw new Error(`Expected PASSWORD_VERIFIER, got ${String(challenge.ChallengeName)}`);
  }
  const userIdForSrp = params.USER_ID_FOR_SRP!;
  const poolName = poolShortName(input.userPoolId);
  const B = toBigInt(params.SRP_B!);
  const u = scramblingParameter(A, B);
  const x = passwordExponent(poolName, userIdForSrp, input.password, params.SALT!);
  const base = (((B - k * groupPow(g, x)) % N) + N) % N;
  const sharedSecret = groupPow(base, a + u * x);
  const timestamp = srpTimestamp(new Date());
  return transport.respondToAuthChallenge({
    ClientId: input.clientId,
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeResponses: {
      USERNAME: userIdForSrp,
      PASSWORD_CLAIM_SECRET_BLOCK: params.SECRET_BLOCK!,
      PASSWORD_CLAIM_SIGNATURE: passwordClaimSignature({
        poolName,
        userIdForSrp,
        sharedSecret,
        u,
        secretBlock: params.SECRET_BLOCK!,
        timestamp,
      }),
      TIMESTAMP: timestamp,
    },
  });
}
