import { randomBytes } from 'node:crypto';
import type { ExplicitAuthFlow } from '@contract';
import { AwsError, invalidParameter, notAuthorized } from '../aws/errors';
import { newOpaqueToken } from '../aws/identifiers';
import { userNotFound, type UserPool } from './model';
import { SignInThrottle } from './sign-in-throttle';
import {
  createPasswordVerifier,
  createServerEphemeral,
  isValidClientPublic,
  verifyPasswordClaim,
  type ServerEphemeral,
} from './srp';
import type { UserRecord } from './state';
import type { AuthenticationResult } from './tokens';

const SRP_CHALLENGE_MS = 5 * 60 * 1000;
/** `Tue Nov 21 8:42:07 UTC 2026`: the TIMESTAMP format Cognito's SDKs sign. */
const SRP_TIMESTAMP =
  /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2} \d{2}:\d{2}:\d{2} UTC \d{4}$/;

export type AuthOutcome =
  | { AuthenticationResult: AuthenticationResult; ChallengeParameters: Record<string, never> }
  | {
      ChallengeName: string;
      ChallengeParameters: Record<string, string>;
      Session?: string;
    };

interface PendingSrp {
  /** Undefined for an unknown user: the challenge is answered, and then refused. */
  username?: string;
  /** Whose failures this attempt counts toward (see `throttleKey`). */
  throttleKey: string;
  clientId: string;
  clientPublicA: string;
  server: ServerEphemeral;
  verifier: string;
  expiresAt: number;
}

/** The challenges answered with a `Session`. */
type SessionChallenge = 'NEW_PASSWORD_REQUIRED' | 'SOFTWARE_TOKEN_MFA' | 'MFA_SETUP';

interface PendingChallenge {
  challenge: SessionChallenge;
  username: string;
  clientId: string;
  expiresAt: number;
  /** MFA_SETUP's progress: AssociateSoftwareToken, then VerifySoftwareToken, then the answer. */
  setup?: 'started' | 'associated' | 'verified';
}

const expiredSession = () => notAuthorized('Invalid session for the user, session is expired.');
const invalidSession = () => notAuthorized('Invalid session for the user.');
/** What RespondToAuthChallenge answers for a wrong or spent SOFTWARE_TOKEN_MFA_CODE. */
const wrongMfaCode = () => new AwsError('CodeMismatchException', 'Invalid code received for user');

const incorrectCredentials = () => notAuthorized('Incorrect username or password.');

/** AuthFlowType, as botocore's model lists it (the order of InitiateAuth's enum message). */
const AUTH_FLOWS = [
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'USER_AUTH',
] as const;
type AuthFlow = (typeof AUTH_FLOWS)[number];

/** The `ExplicitAuthFlows` entry that lets an app client start each InitiateAuth flow. */
const ENABLED_BY: Partial<Record<AuthFlow, ExplicitAuthFlow>> = {
  USER_SRP_AUTH: 'ALLOW_USER_SRP_AUTH',
  USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
  REFRESH_TOKEN_AUTH: 'ALLOW_REFRESH_TOKEN_AUTH',
  REFRESH_TOKEN: 'ALLOW_REFRESH_TOKEN_AUTH',
  CUSTOM_AUTH: 'ALLOW_CUSTOM_AUTH',
  USER_AUTH: 'ALLOW_USER_AUTH',
};

const isAuthFlow = (flow: string): flow is AuthFlow => AUTH_FLOWS.some((f) => f === flow);

/**
 * One key per user for the lockout, whichever alias signed in; an unknown name gets its own,
 * so it is locked out like a real user and the answers reveal nothing.
 */
const throttleKey = (user: UserRecord | undefined, name: string) =>
  user ? `user:${user.username}` : `unknown:${name.toLowerCase()}`;

function required(params: Record<string, string> | undefined, name: string): string {
  const value = params?.[name];
  if (!value) throw invalidParameter(`Missing required parameter ${name}`);
  return value;
}

/**
 * InitiateAuth and RespondToAuthChallenge. Challenge state lives in memory only: a challenge
 * outliving a restart is refused, as an expired one would be.
 */
export class AuthFlows {
  private readonly srpChallenges = new Map<string, PendingSrp>();
  private readonly sessions = new Map<string, PendingChallenge>();
  private readonly throttle: SignInThrottle;

  constructor(private readonly pool: UserPool) {
    this.throttle = new SignInThrottle(() => pool.now);
  }

  async initiateAuth(
    clientId: string,
    flow: string,
    params: Record<string, string> | undefined,
  ): Promise<AuthOutcome> {
    if (!isAuthFlow(flow)) {
      throw invalidParameter(
        `1 validation error detected: Value '${flow}' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: [${AUTH_FLOWS.join(', ')}]`,
      );
    }
    this.pool.assertClient(clientId);
    this.assertEnabled(flow);
    switch (flow) {
      case 'USER_SRP_AUTH':
        return this.startSrp(clientId, required(params, 'USERNAME'), required(params, 'SRP_A'));
      case 'USER_PASSWORD_AUTH':
        return this.passwordSignIn(
          clientId,
          required(params, 'USERNAME'),
          required(params, 'PASSWORD'),
        );
      case 'REFRESH_TOKEN_AUTH':
      case 'REFRESH_TOKEN':
        return {
          AuthenticationResult: await this.pool.refresh(
            required(params, 'REFRESH_TOKEN'),
            clientId,
          ),
          ChallengeParameters: {},
        };
      default:
        // Enabled in the definition but not emulated: refused, never waved through.
        throw new AwsError(
          'UnsupportedOperationException',
          `The local user pool does not emulate ${flow}.`,
        );
    }
  }

  /**
   * The app client's `ExplicitAuthFlows`, with Cognito's refusals: "USER_PASSWORD_AUTH flow not
   * enabled for this client" (reported by Amplify users and quoted in this repository's issue 14;
   * the same form for every flow), and for the flows only AdminInitiateAuth takes "Initiate
   * Auth method not supported." (moto #4836, which AWS support confirmed).
   */
  private assertEnabled(flow: AuthFlow): void {
    const enabledBy = ENABLED_BY[flow];
    if (!enabledBy) throw invalidParameter('Initiate Auth method not supported.');
    if (!this.pool.client.explicitAuthFlows.includes(enabledBy)) {
      throw invalidParameter(`${flow} flow not enabled for this client`);
    }
  }

  async respondToAuthChallenge(
    clientId: string,
    challengeName: string,
    responses: Record<string, string> | undefined,
    session: string | undefined,
  ): Promise<AuthOutcome> {
    this.pool.assertClient(clientId);
    switch (challengeName) {
      case 'PASSWORD_VERIFIER':
        return this.finishSrp(clientId, responses);
      case 'NEW_PASSWORD_REQUIRED':
        return this.finishNewPassword(clientId, responses, session);
      case 'SOFTWARE_TOKEN_MFA':
        return this.finishSoftwareTokenMfa(clientId, responses, session);
      case 'MFA_SETUP':
        return this.finishMfaSetup(clientId, responses, session);
      default:
        throw invalidParameter(`Invalid challenge name: ${challengeName}`);
    }
  }

  private startSrp(clientId: string, name: string, clientPublicA: string): AuthOutcome {
    if (!isValidClientPublic(clientPublicA)) throw invalidParameter('Invalid SRP_A value.');
    this.pruneExpired();
    const user = this.pool.findUser(name);
    if (!user && !this.pool.client.preventUserExistenceErrors) throw userNotFound();
    // An unknown user gets a challenge like anyone else's, so the answer reveals nothing.
    const verifier =
      user?.password ?? createPasswordVerifier(this.pool.poolName, name, newOpaqueToken());
    const server = createServerEphemeral(verifier.verifier);
    const secretBlock = randomBytes(64).toString('base64');
    this.srpChallenges.set(secretBlock, {
      username: user?.username,
      throttleKey: throttleKey(user, name),
      clientId,
      clientPublicA,
      server,
      verifier: verifier.verifier,
      expiresAt: this.pool.now + SRP_CHALLENGE_MS,
    });
    const userId = user?.username ?? name;
    return {
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeParameters: {
        SALT: verifier.salt,
        SECRET_BLOCK: secretBlock,
        SRP_B: server.publicB,
        USERNAME: userId,
        USER_ID_FOR_SRP: userId,
      },
    };
  }

  private async finishSrp(
    clientId: string,
    responses: Record<string, string> | undefined,
  ): Promise<AuthOutcome> {
    const secretBlock = required(responses, 'PASSWORD_CLAIM_SECRET_BLOCK');
    const signature = required(responses, 'PASSWORD_CLAIM_SIGNATURE');
    const timestamp = required(responses, 'TIMESTAMP');
    const name = required(responses, 'USERNAME');
    if (!SRP_TIMESTAMP.test(timestamp)) throw invalidParameter('TIMESTAMP format is invalid.');
    const pending = this.srpChallenges.get(secretBlock);
    this.srpChallenges.delete(secretBlock); // one answer per challenge
    if (!pending || pending.expiresAt <= this.pool.now || pending.clientId !== clientId) {
      throw incorrectCredentials();
    }
    const user = pending.username ? this.pool.findUser(pending.username) : undefined;
    if (user && name !== user.username && this.pool.findUser(name) !== user) {
      throw incorrectCredentials();
    }
    this.throttle.assertNotLockedOut(pending.throttleKey);
    if (!user) {
      this.throttle.recordFailure(pending.throttleKey);
      throw incorrectCredentials();
    }
    const proven = verifyPasswordClaim({
      poolName: this.pool.poolName,
      userIdForSrp: user.username,
      clientPublicA: pending.clientPublicA,
      server: pending.server,
      verifier: pending.verifier,
      secretBlock,
      timestamp,
      signature,
    });
    if (!proven) {
      this.throttle.recordFailure(pending.throttleKey);
      throw incorrectCredentials();
    }
    return this.afterPasswordProven(user, clientId);
  }

  private passwordSignIn(clientId: string, name: string, password: string): Promise<AuthOutcome> {
    const user = this.pool.findUser(name);
    const key = throttleKey(user, name);
    this.throttle.assertNotLockedOut(key);
    if (!user && !this.pool.client.preventUserExistenceErrors) throw userNotFound();
    if (!user || !this.pool.passwordMatches(user, password)) {
      this.throttle.recordFailure(key);
      throw incorrectCredentials();
    }
    return this.afterPasswordProven(user, clientId);
  }

  private async afterPasswordProven(user: UserRecord, clientId: string): Promise<AuthOutcome> {
    this.pool.assertCanSignIn(user);
    if (user.status === 'FORCE_CHANGE_PASSWORD') {
      const { sub: _sub, ...visible } = user.attributes;
      return {
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: this.openSession('NEW_PASSWORD_REQUIRED', user, clientId),
        ChallengeParameters: {
          USER_ID_FOR_SRP: user.username,
          requiredAttributes: '[]',
          userAttributes: JSON.stringify(visible),
        },
      };
    }
    return this.afterPassword(user, clientId);
  }

  /**
   * The second factor, once the password is settled: a code from the user's authenticator app
   * when they turned it on (or, with MFA `ON`, whenever they have one), a setup when MFA is
   * `ON` and they have none; tokens otherwise. A verified app keeps working even if the pool
   * stops offering TOTP later, as Cognito documents.
   */
  private async afterPassword(user: UserRecord, clientId: string): Promise<AuthOutcome> {
    const mfa = this.pool.definition.pool.mfa;
    if (this.asksForCode(user)) {
      return {
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: this.openSession('SOFTWARE_TOKEN_MFA', user, clientId),
        ChallengeParameters: { USER_ID_FOR_SRP: user.username },
      };
    }
    if (mfa === 'ON') {
      return {
        ChallengeName: 'MFA_SETUP',
        Session: this.openSession('MFA_SETUP', user, clientId, 'started'),
        ChallengeParameters: {
          MFAS_CAN_SETUP: JSON.stringify(['SOFTWARE_TOKEN_MFA']),
          USER_ID_FOR_SRP: user.username,
        },
      };
    }
    return this.signedIn(user, clientId);
  }

  /** Whether sign-in asks this user for a code from their app (see afterPassword). */
  private asksForCode(user: UserRecord): boolean {
    const mfa = this.pool.definition.pool.mfa;
    const tokens = this.pool.softwareTokens;
    return mfa !== 'OFF' && (tokens.isEnabled(user) || (mfa === 'ON' && tokens.isVerified(user)));
  }

  /**
   * Tokens, and the lockout's count starts again. Only here, once every factor is proven: if
   * the right password reset it, someone holding the password could guess codes forever.
   */
  private async signedIn(user: UserRecord, clientId: string): Promise<AuthOutcome> {
    this.throttle.recordSuccess(throttleKey(user, user.username));
    return {
      AuthenticationResult: await this.pool.startSession(user, clientId),
      ChallengeParameters: {},
    };
  }

  /** A new `Session`, valid for the app client's auth session validity. */
  private openSession(
    challenge: SessionChallenge,
    user: UserRecord,
    clientId: string,
    setup?: PendingChallenge['setup'],
  ): string {
    const session = newOpaqueToken();
    this.sessions.set(session, {
      challenge,
      username: user.username,
      clientId,
      expiresAt: this.pool.now + this.pool.client.authSessionValiditySeconds * 1000,
      setup,
    });
    return session;
  }

  /** The pending challenge a `Session` continues, refusing an expired or unknown one. */
  private pendingFor(
    session: string | undefined,
    challenge: SessionChallenge,
    clientId?: string,
  ): PendingChallenge & { user: UserRecord } {
    const pending = session ? this.sessions.get(session) : undefined;
    if (
      !pending ||
      pending.challenge !== challenge ||
      pending.expiresAt <= this.pool.now ||
      (clientId !== undefined && pending.clientId !== clientId)
    ) {
      throw expiredSession();
    }
    const user = this.pool.findUser(pending.username);
    if (!user) throw invalidSession();
    return { ...pending, user };
  }

  /** The `USERNAME` a challenge response names must be the session's user, by any alias. */
  private assertSameUser(user: UserRecord, responses: Record<string, string> | undefined): void {
    if (this.pool.findUser(required(responses, 'USERNAME')) !== user) throw invalidSession();
  }

  private async finishSoftwareTokenMfa(
    clientId: string,
    responses: Record<string, string> | undefined,
    session: string | undefined,
  ): Promise<AuthOutcome> {
    const code = required(responses, 'SOFTWARE_TOKEN_MFA_CODE');
    const { user } = this.pendingFor(session, 'SOFTWARE_TOKEN_MFA', clientId);
    this.assertSameUser(user, responses);
    // Wrong codes count toward the password lockout: a code is the rest of the credential.
    const key = throttleKey(user, user.username);
    this.throttle.assertNotLockedOut(key);
    // The app must still be the user's second factor now: a sign-in started before an
    // administrator's Reset MFA (or the user turning it off) must not finish with the old
    // device's code.
    if (!this.asksForCode(user)) {
      this.sessions.delete(session!);
      throw invalidSession();
    }
    if (!this.pool.softwareTokens.acceptCode(user, code)) {
      // The session stays usable for another try, as long as the lockout allows one.
      this.throttle.recordFailure(key);
      throw wrongMfaCode();
    }
    this.sessions.delete(session!);
    this.pool.assertCanSignIn(user);
    return this.signedIn(user, clientId);
  }

  /** AssociateSoftwareToken with MFA_SETUP's session: the secret, and the next session. */
  associateSoftwareToken(session: string): { SecretCode: string; Session: string } {
    this.pool.softwareTokens.assertOfferedByPool();
    const pending = this.pendingFor(session, 'MFA_SETUP');
    const secret = this.pool.softwareTokens.associate(pending.user);
    this.sessions.delete(session);
    return {
      SecretCode: secret,
      Session: this.openSession('MFA_SETUP', pending.user, pending.clientId, 'associated'),
    };
  }

  /** VerifySoftwareToken with MFA_SETUP's session: proves the app, and the next session. */
  verifySoftwareToken(session: string, code: string): { Status: 'SUCCESS'; Session: string } {
    this.pool.softwareTokens.assertOfferedByPool();
    const pending = this.pendingFor(session, 'MFA_SETUP');
    if (pending.setup === 'started') throw invalidSession();
    // A wrong code leaves the session as it was, for another try.
    this.pool.softwareTokens.verify(pending.user, code);
    this.sessions.delete(session);
    return {
      Status: 'SUCCESS',
      Session: this.openSession('MFA_SETUP', pending.user, pending.clientId, 'verified'),
    };
  }

  private async finishMfaSetup(
    clientId: string,
    responses: Record<string, string> | undefined,
    session: string | undefined,
  ): Promise<AuthOutcome> {
    const pending = this.pendingFor(session, 'MFA_SETUP', clientId);
    this.assertSameUser(pending.user, responses);
    if (pending.setup !== 'verified') throw invalidSession();
    this.sessions.delete(session!);
    this.pool.softwareTokens.enableVerified(pending.user);
    this.pool.assertCanSignIn(pending.user);
    return this.signedIn(pending.user, clientId);
  }

  private async finishNewPassword(
    clientId: string,
    responses: Record<string, string> | undefined,
    session: string | undefined,
  ): Promise<AuthOutcome> {
    const newPassword = required(responses, 'NEW_PASSWORD');
    const { user } = this.pendingFor(session, 'NEW_PASSWORD_REQUIRED', clientId);
    this.assertSameUser(user, responses);
    const attributes = Object.fromEntries(
      Object.entries(responses ?? {})
        .filter(([key]) => key.startsWith('userAttributes.'))
        .map(([key, value]) => [key.slice('userAttributes.'.length), value]),
    );
    // The challenge writes as the app client does: refused before anything changes.
    if (Object.keys(attributes).length) this.pool.attributes.assertClientMayWrite(attributes);
    // A password that breaks the policy leaves the session usable for another try.
    this.pool.setPermanentPassword(user, newPassword);
    this.sessions.delete(session!);
    if (Object.keys(attributes).length) this.pool.updateOwnAttributes(user, attributes);
    return this.afterPassword(user, clientId);
  }

  private pruneExpired(): void {
    const now = this.pool.now;
    for (const [key, value] of this.srpChallenges)
      if (value.expiresAt <= now) this.srpChallenges.delete(key);
    for (const [key, value] of this.sessions) if (value.expiresAt <= now) this.sessions.delete(key);
  }
}
