import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  type ChallengeNameType,
  GetUserCommand,
  GetUserPoolMfaConfigCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SPA_CLIENT_SETTINGS, USER_POOL_SETTINGS, type UserPoolSettings } from '@contract';
import { expectAwsError } from '../testing/aws-assertions';
import { signIn } from '../testing/callers';
import { createMfaAdmin, type MfaAdmin } from '../testing/mfa-admin';
import { srpSignIn, type AuthOutcome } from '../testing/srp-client';
import { startTestStack, type TestStack } from '../testing/test-stack';
import { nextTotpCode, totpCode } from '../testing/totp';
import { totpCodeForStep, totpStep } from './totp';

/*
 * TOTP MFA as Cognito answers it, over the unmodified SDK v3: setting up an authenticator app
 * (AssociateSoftwareToken, VerifySoftwareToken, SetUserMFAPreference), the SOFTWARE_TOKEN_MFA
 * and MFA_SETUP challenges after SRP, and every refusal: wrong, reused and late codes, expired
 * sessions, the lockout, and a pool without TOTP.
 */

const INVALID_CODE = 'Invalid code received for user';
const EXPIRED = 'Invalid session for the user, session is expired.';
const SESSION_MS = SPA_CLIENT_SETTINGS.authSessionValiditySeconds * 1000;

/** A stack whose pool differs from the deployed one in `pool` only. */
const stackWith = (pool: Partial<UserPoolSettings>) =>
  startTestStack(
    undefined,
    {},
    {
      userPoolDefinition: { pool: { ...USER_POOL_SETTINGS, ...pool }, client: SPA_CLIENT_SETTINGS },
    },
  );

/** A confirmed user without MFA; `temporary` leaves the password to be changed at sign-in. */
async function newUser(stack: TestStack, { temporary = false } = {}) {
  const email = `mfa-${randomUUID()}@example.com`;
  const password = `Pw-${randomUUID()}-Aa1!`;
  await stack.idp.send(
    new AdminCreateUserCommand({
      UserPoolId: stack.userPool.id,
      Username: email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
  await setPassword(stack, email, password, !temporary);
  return { email, password };
}

const setPassword = (stack: TestStack, Username: string, Password: string, Permanent: boolean) =>
  stack.idp.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: stack.userPool.id,
      Username,
      Password,
      Permanent,
    }),
  );

const srp = (stack: TestStack, user: { email: string; password: string }) =>
  srpSignIn(stack.idp, {
    userPoolId: stack.userPool.id,
    clientId: stack.userPool.clientId,
    username: user.email,
    password: user.password,
  });

const answer = (
  stack: TestStack,
  challenge: AuthOutcome,
  ChallengeName: ChallengeNameType,
  responses: Record<string, string> = {},
) =>
  stack.idp.send(
    new RespondToAuthChallengeCommand({
      ClientId: stack.userPool.clientId,
      ChallengeName,
      Session: challenge.Session,
      ChallengeResponses: {
        USERNAME: challenge.ChallengeParameters!.USER_ID_FOR_SRP!,
        ...responses,
      },
    }),
  );

const answerTotp = (stack: TestStack, challenge: AuthOutcome, code: string) =>
  answer(stack, challenge, 'SOFTWARE_TOKEN_MFA', { SOFTWARE_TOKEN_MFA_CODE: code });

/** A code of the right shape from far outside the accepted window. */
const wrongCode = (stack: TestStack, secret: string) =>
  totpCodeForStep(secret, totpStep(stack.clock.now()) + 100);

const mfaOf = (stack: TestStack, Username: string) =>
  stack.idp
    .send(new AdminGetUserCommand({ UserPoolId: stack.userPool.id, Username }))
    .then(({ UserMFASettingList, PreferredMfaSetting }) => ({
      UserMFASettingList,
      PreferredMfaSetting,
    }));

describe('the deployed pool: MFA OPTIONAL, authenticator apps only', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());
  afterEach(() => stack.clock.thaw());

  it('GetUserPoolMfaConfig reports the settings from src/contract', async () => {
    const config = await stack.idp.send(
      new GetUserPoolMfaConfigCommand({ UserPoolId: stack.userPool.id }),
    );
    expect(config.MfaConfiguration).toBe('OPTIONAL');
    expect(config.SoftwareTokenMfaConfiguration).toEqual({ Enabled: true });
  });

  it('IAM decides GetUserPoolMfaConfig and AdminSetUserMFAPreference', async () => {
    const { caller } = await createMfaAdmin(stack, { groups: ['general'] });
    const idp = new CognitoIdentityProviderClient({
      region: stack.runtimeConfig.region,
      endpoint: stack.edgeUrl,
      credentials: caller.credentials,
      maxAttempts: 1,
    });
    try {
      await expectAwsError(
        idp.send(new GetUserPoolMfaConfigCommand({ UserPoolId: stack.userPool.id })),
        'AccessDeniedException',
        /cognito-idp:GetUserPoolMfaConfig/,
      );
      await expectAwsError(
        idp.send(
          new AdminSetUserMFAPreferenceCommand({
            UserPoolId: stack.userPool.id,
            Username: caller.username,
            SoftwareTokenMfaSettings: { Enabled: false },
          }),
        ),
        'AccessDeniedException',
        /cognito-idp:AdminSetUserMFAPreference/,
      );
    } finally {
      idp.destroy();
    }
  });

  it('sets up an authenticator app: associate, verify, then turn it on', async () => {
    const user = await newUser(stack);
    const AccessToken = (await srp(stack, user)).AuthenticationResult!.AccessToken!;

    const associated = await stack.idp.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    expect(associated.SecretCode).toMatch(/^[A-Z2-7]{52}$/);
    expect(associated.Session).toBeUndefined();
    const secret = associated.SecretCode!;

    // Not before the app is proven.
    await expectAwsError(
      stack.idp.send(
        new SetUserMFAPreferenceCommand({
          AccessToken,
          SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
        }),
      ),
      'InvalidParameterException',
      'User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA',
    );
    await expectAwsError(
      stack.idp.send(
        new VerifySoftwareTokenCommand({ AccessToken, UserCode: wrongCode(stack, secret) }),
      ),
      'EnableSoftwareTokenMFAException',
      'Code mismatch',
    );
    const verified = await stack.idp.send(
      new VerifySoftwareTokenCommand({
        AccessToken,
        UserCode: await nextTotpCode(secret, stack.clock.now),
        FriendlyDeviceName: 'phone',
      }),
    );
    expect(verified.Status).toBe('SUCCESS');
    expect(verified.Session).toBeUndefined();

    // Verified is not yet on: sign-in still needs the password alone.
    const self = await stack.idp.send(new GetUserCommand({ AccessToken }));
    expect(self.UserMFASettingList).toBeUndefined();
    expect(self.PreferredMfaSetting).toBeUndefined();
    expect((await srp(stack, user)).AuthenticationResult).toBeDefined();

    await stack.idp.send(
      new SetUserMFAPreferenceCommand({
        AccessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    expect(await stack.idp.send(new GetUserCommand({ AccessToken }))).toMatchObject({
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    });
    expect(await mfaOf(stack, user.email)).toEqual({
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    });
  });

  it('refuses SMS, which the pool does not offer', async () => {
    const user = await newUser(stack);
    const AccessToken = (await srp(stack, user)).AuthenticationResult!.AccessToken!;
    await expectAwsError(
      stack.idp.send(
        new SetUserMFAPreferenceCommand({ AccessToken, SMSMfaSettings: { Enabled: true } }),
      ),
      'InvalidParameterException',
      'User does not have delivery config set to turn on SMS_MFA',
    );
  });

  describe('signing in with TOTP on', () => {
    // A user of its own for each test: each step of a code is taken once per user.
    let admin: MfaAdmin;
    beforeEach(async () => {
      admin = await createMfaAdmin(stack, { groups: ['general'] });
    });

    it('asks for SOFTWARE_TOKEN_MFA after the password, and a code ends it', async () => {
      const challenge = await srp(stack, admin);
      expect(challenge.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
      expect(challenge.ChallengeParameters).toEqual({ USER_ID_FOR_SRP: admin.caller.username });
      expect(challenge.Session).toBeTruthy();
      expect(challenge.AuthenticationResult).toBeUndefined();

      const done = await answerTotp(
        stack,
        challenge,
        await nextTotpCode(admin.totpSecret, stack.clock.now),
      );
      expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
      expect(done.AuthenticationResult?.RefreshToken).toBeTruthy();
    });

    it('refuses the old app’s code to a sign-in begun before the app was reset', async () => {
      const challenge = await srp(stack, admin);
      await stack.idp.send(
        new AdminSetUserMFAPreferenceCommand({
          UserPoolId: stack.userPool.id,
          Username: admin.email,
          SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
        }),
      );
      await expectAwsError(
        answerTotp(stack, challenge, await nextTotpCode(admin.totpSecret, stack.clock.now)),
        'NotAuthorizedException',
        'Invalid session for the user.',
      );
    });

    it('takes an access token or a session, not both', async () => {
      const challenge = await srp(stack, admin);
      await expectAwsError(
        stack.idp.send(
          new AssociateSoftwareTokenCommand({
            AccessToken: admin.caller.accessToken,
            Session: challenge.Session,
          }),
        ),
        'InvalidParameterException',
      );
    });

    it('refuses a wrong code, and the same session takes the right one after', async () => {
      const challenge = await srp(stack, admin);
      await expectAwsError(
        answerTotp(stack, challenge, wrongCode(stack, admin.totpSecret)),
        'CodeMismatchException',
        INVALID_CODE,
      );
      const done = await answerTotp(
        stack,
        challenge,
        await nextTotpCode(admin.totpSecret, stack.clock.now),
      );
      expect(done.AuthenticationResult).toBeDefined();
    });

    it('takes each code once: a code seen before is refused, even within its window', async () => {
      const code = await nextTotpCode(admin.totpSecret, stack.clock.now);
      expect(
        (await answerTotp(stack, await srp(stack, admin), code)).AuthenticationResult,
      ).toBeDefined();
      await expectAwsError(
        answerTotp(stack, await srp(stack, admin), code),
        'CodeMismatchException',
        INVALID_CODE,
      );
    });

    it('refuses a session older than the app client allows', async () => {
      const challenge = await srp(stack, admin);
      stack.clock.advance(SESSION_MS + 1000);
      try {
        await expectAwsError(
          answerTotp(stack, challenge, await nextTotpCode(admin.totpSecret, stack.clock.now)),
          'NotAuthorizedException',
          EXPIRED,
        );
      } finally {
        stack.clock.advance(-(SESSION_MS + 1000));
      }
    });

    it('refuses a session given to another user', async () => {
      const other = await newUser(stack);
      const challenge = await srp(stack, admin);
      await expectAwsError(
        stack.idp.send(
          new RespondToAuthChallengeCommand({
            ClientId: stack.userPool.clientId,
            ChallengeName: 'SOFTWARE_TOKEN_MFA',
            Session: challenge.Session,
            ChallengeResponses: {
              USERNAME: other.email,
              SOFTWARE_TOKEN_MFA_CODE: await nextTotpCode(admin.totpSecret, stack.clock.now),
            },
          }),
        ),
        'NotAuthorizedException',
      );
    });

    it('counts wrong codes toward the lockout of wrong passwords', async () => {
      const user = admin;
      stack.clock.freeze();
      // Three wrong passwords and two wrong codes: the fifth failure locks out for a second.
      for (let i = 0; i < 3; i++) {
        await expectAwsError(
          srp(stack, { ...user, password: 'Wrong-Passw0rd!' }),
          'NotAuthorizedException',
        );
      }
      const challenge = await srp(stack, user);
      for (let i = 0; i < 2; i++) {
        await expectAwsError(
          answerTotp(stack, challenge, wrongCode(stack, user.totpSecret)),
          'CodeMismatchException',
          INVALID_CODE,
        );
      }
      // Locked out: the right code is refused too, as the right password would be. (The
      // authenticator's current code, not one from `nextTotpCode`: the clock is frozen.)
      await expectAwsError(
        answerTotp(stack, challenge, totpCode(user.totpSecret, stack.clock.now())),
        'NotAuthorizedException',
        'Password attempts exceeded',
      );
      await expectAwsError(
        srp(stack, user),
        'NotAuthorizedException',
        'Password attempts exceeded',
      );
      stack.clock.advance(1000);
      const done = await answerTotp(
        stack,
        challenge,
        await nextTotpCode(user.totpSecret, stack.clock.now),
      );
      expect(done.AuthenticationResult).toBeDefined();
    });

    it('asks for the code after NEW_PASSWORD_REQUIRED too', async () => {
      const user = admin;
      const temporary = `Tmp-${randomUUID()}-Aa1!`;
      await setPassword(stack, user.email, temporary, false);
      const first = await srp(stack, { ...user, password: temporary });
      expect(first.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
      const second = await answer(stack, first, 'NEW_PASSWORD_REQUIRED', {
        NEW_PASSWORD: user.password,
      });
      expect(second.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
      expect(second.AuthenticationResult).toBeUndefined();
      const done = await answerTotp(
        stack,
        second,
        await nextTotpCode(user.totpSecret, stack.clock.now),
      );
      expect(done.AuthenticationResult).toBeDefined();
    });

    it('AdminSetUserMFAPreference turns TOTP off, and sign-in needs the password alone', async () => {
      const user = admin;
      await stack.idp.send(
        new AdminSetUserMFAPreferenceCommand({
          UserPoolId: stack.userPool.id,
          Username: user.email,
          SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
        }),
      );
      expect(await mfaOf(stack, user.email)).toEqual({
        UserMFASettingList: undefined,
        PreferredMfaSetting: undefined,
      });
      expect((await srp(stack, user)).AuthenticationResult).toBeDefined();
    });

    it('serves the code on loopback at /_local/totp for trying it locally', async () => {
      const user = admin;
      const url = `${stack.edgeUrl}/_local/totp?username=${encodeURIComponent(user.email)}`;
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      const { code } = (await response.json()) as { code: string };
      const done = await answerTotp(stack, await srp(stack, user), code);
      expect(done.AuthenticationResult).toBeDefined();

      const none = await fetch(`${stack.edgeUrl}/_local/totp?username=nobody%40example.com`);
      expect(none.status).toBe(404);
      expect(await none.json()).toMatchObject({ message: expect.stringContaining('nobody') });
    });
  });
});

describe('a pool with MFA ON', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await stackWith({ mfa: 'ON' });
  });
  afterAll(() => stack.stop());

  /** MFA_SETUP through to tokens, as Amplify's CONTINUE_SIGN_IN_WITH_TOTP_SETUP does it. */
  async function completeSetup(challenge: AuthOutcome) {
    const associated = await stack.idp.send(
      new AssociateSoftwareTokenCommand({ Session: challenge.Session }),
    );
    expect(associated.SecretCode).toMatch(/^[A-Z2-7]{52}$/);
    expect(associated.Session).toBeTruthy();
    const secret = associated.SecretCode!;
    await expectAwsError(
      stack.idp.send(
        new VerifySoftwareTokenCommand({
          Session: associated.Session,
          UserCode: wrongCode(stack, secret),
        }),
      ),
      'EnableSoftwareTokenMFAException',
      'Code mismatch',
    );
    const verified = await stack.idp.send(
      new VerifySoftwareTokenCommand({
        Session: associated.Session,
        UserCode: await nextTotpCode(secret, stack.clock.now),
      }),
    );
    expect(verified.Status).toBe('SUCCESS');
    expect(verified.Session).toBeTruthy();
    const done = await answer(stack, { ...challenge, Session: verified.Session }, 'MFA_SETUP');
    return { secret, done };
  }

  it('sets up TOTP during sign-in (MFA_SETUP), then asks for it every time', async () => {
    const user = await newUser(stack);
    const challenge = await srp(stack, user);
    expect(challenge.ChallengeName).toBe('MFA_SETUP');
    expect(challenge.ChallengeParameters).toMatchObject({
      MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]',
    });
    expect(challenge.AuthenticationResult).toBeUndefined();

    const { secret, done } = await completeSetup(challenge);
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
    expect(await mfaOf(stack, user.email)).toEqual({
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    });

    const next = await srp(stack, user);
    expect(next.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(
      (await answerTotp(stack, next, await nextTotpCode(secret, stack.clock.now)))
        .AuthenticationResult,
    ).toBeDefined();
  });

  it('sets up TOTP after NEW_PASSWORD_REQUIRED', async () => {
    const user = await newUser(stack, { temporary: true });
    const first = await srp(stack, user);
    expect(first.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const second = await answer(stack, first, 'NEW_PASSWORD_REQUIRED', {
      NEW_PASSWORD: `${user.password}x`,
    });
    expect(second.ChallengeName).toBe('MFA_SETUP');
    const { done } = await completeSetup(second);
    expect(done.AuthenticationResult).toBeDefined();
  });

  it('refuses to skip VerifySoftwareToken', async () => {
    const user = await newUser(stack);
    const challenge = await srp(stack, user);
    const { Session } = await stack.idp.send(
      new AssociateSoftwareTokenCommand({ Session: challenge.Session }),
    );
    await expectAwsError(
      answer(stack, { ...challenge, Session }, 'MFA_SETUP'),
      'NotAuthorizedException',
    );
  });

  it('refuses an expired setup session', async () => {
    const user = await newUser(stack);
    const challenge = await srp(stack, user);
    await stack.clock.during(SESSION_MS + 1000, () =>
      expectAwsError(
        stack.idp.send(new AssociateSoftwareTokenCommand({ Session: challenge.Session })),
        'NotAuthorizedException',
        EXPIRED,
      ),
    );
  });
});

describe('a pool without TOTP', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await stackWith({ mfa: 'OFF', mfaSecondFactor: { otp: false, sms: false } });
  });
  afterAll(() => stack.stop());

  it('refuses AssociateSoftwareToken and VerifySoftwareToken as Cognito does', async () => {
    const user = await newUser(stack);
    const AccessToken = (await srp(stack, user)).AuthenticationResult!.AccessToken!;
    const notEnabled = 'Software Token MFA has not been enabled by the userPool.';
    await expectAwsError(
      stack.idp.send(new AssociateSoftwareTokenCommand({ AccessToken })),
      'SoftwareTokenMFANotFoundException',
      notEnabled,
    );
    await expectAwsError(
      stack.idp.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: '123456' })),
      'SoftwareTokenMFANotFoundException',
      notEnabled,
    );
    const config = await stack.idp.send(
      new GetUserPoolMfaConfigCommand({ UserPoolId: stack.userPool.id }),
    );
    expect(config).toMatchObject({
      MfaConfiguration: 'OFF',
      SoftwareTokenMfaConfiguration: { Enabled: false },
    });
  });
});

describe('across a restart', () => {
  it('keeps the secret in the state file, and sign-in asks for the same app', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-mfa-'));
    try {
      const first = await startTestStack(dir);
      const admin = await createMfaAdmin(first);
      await first.stop();
      const state = readFileSync(join(dir, 'user-pool.json'), 'utf8');
      expect(state).toContain(admin.totpSecret);

      const second = await startTestStack(dir);
      try {
        const caller = await signIn(second, admin);
        expect(caller.username).toBe(admin.caller.username);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
