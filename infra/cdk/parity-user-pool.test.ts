import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COGNITO_ASSIGNED_ATTRIBUTES,
  STANDARD_ATTRIBUTES,
  customAttribute,
  type ExplicitAuthFlow,
} from '@contract';
import {
  openInProcessUserPool,
  type InProcessUserPool,
} from '../local/testing/in-process-user-pool';
import { srpSignIn } from '../local/testing/srp-client';
import { nextTotpCode } from '../local/testing/totp';
import type { UserRecord } from '../local/user-pool/state';
import type { AuthenticationResult } from '../local/user-pool/tokens';
import { logicalIdOf, synthConsole, type SynthesizedConsole } from './testing/synth-console';

/**
 * The deployed user pool and app client against what the local user pool enforces, setting by
 * setting. Each expectation reads the synthesized template; each answer comes from the local
 * pool's behaviour (sign-ins, reads, writes, expiries), not from the shared definition, so a
 * change to either side alone fails here.
 */

const PASSWORD = 'Parity-Passw0rd!';
const SECONDS_PER_UNIT: Record<string, number> = {
  seconds: 1,
  minutes: 60,
  hours: 3600,
  days: 86_400,
};
/** ExplicitAuthFlows values, each with the flow a client starts with it. */
const FLOWS: ExplicitAuthFlow[] = [
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_USER_AUTH',
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
];
/** Standard attributes a user may hold a value for (Cognito assigns `sub`). */
const SETTABLE = STANDARD_ATTRIBUTES.filter((name) => !COGNITO_ASSIGNED_ATTRIBUTES.includes(name));

interface SchemaEntry {
  Name: string;
  Required?: boolean;
  Mutable?: boolean;
  AttributeDataType?: string;
}

let synthesized: SynthesizedConsole;
let pool: Record<string, unknown>;
let client: Record<string, unknown>;
let local: InProcessUserPool;
let clock: number;

beforeAll(async () => {
  synthesized = synthConsole({ production: false, withBuild: false });
  const { stack, resources } = synthesized;
  pool = resources[logicalIdOf(stack, stack.users.userPool)]!.Properties!;
  client = resources[logicalIdOf(stack, stack.users.client)]!.Properties!;
  clock = Date.now();
  // The local pool as the local stack opens it: with the deployed definition.
  local = await openInProcessUserPool({ now: () => clock });
}, 120_000);
afterAll(() => {
  synthesized?.dispose();
  local?.dispose();
});

let users = 0;
/** A new confirmed user and a session of theirs, minted without any sign-in flow. */
async function newUser(): Promise<{ user: UserRecord; tokens: AuthenticationResult }> {
  const user = local.pool.ensureSeedUser(`parity${++users}@example.com`, PASSWORD, []);
  return { user, tokens: await local.pool.startSession(user, local.pool.clientId) };
}

const templateSeconds = (validity: string, unitsKey: string, defaultUnit: string) => {
  const units = (client.TokenValidityUnits ?? {}) as Record<string, string>;
  return Number(client[validity]) * SECONDS_PER_UNIT[units[unitsKey] ?? defaultUnit]!;
};
const payloadOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
const list = (attributes: Record<string, string>) =>
  Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));
const sampleValue = (name: string) =>
  name.endsWith('_verified') ? 'true' : name === 'updated_at' ? '1700000000' : `${name}-value`;
const schema = () => (pool.Schema ?? []) as SchemaEntry[];
const customInTemplate = () => schema().filter((entry) => entry.AttributeDataType !== undefined);

/** Whether the local pool lets its app client start `flow` (refused as Cognito refuses it, or not). */
async function localAllows(flow: ExplicitAuthFlow): Promise<boolean> {
  const { user, tokens } = await newUser();
  const email = user.attributes.email!;
  const clientId = local.pool.clientId;
  const initiate = (AuthFlow: string, AuthParameters: Record<string, string>) =>
    local.call('InitiateAuth', { ClientId: clientId, AuthFlow, AuthParameters });
  const attempts: Record<ExplicitAuthFlow, () => Promise<unknown>> = {
    ALLOW_USER_SRP_AUTH: () =>
      srpSignIn(local.transport, {
        userPoolId: local.pool.id,
        clientId,
        username: email,
        password: PASSWORD,
      }),
    ALLOW_REFRESH_TOKEN_AUTH: () =>
      initiate('REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: tokens.RefreshToken! }),
    ALLOW_USER_PASSWORD_AUTH: () =>
      initiate('USER_PASSWORD_AUTH', { USERNAME: email, PASSWORD: PASSWORD }),
    ALLOW_CUSTOM_AUTH: () => initiate('CUSTOM_AUTH', { USERNAME: email }),
    ALLOW_USER_AUTH: () => initiate('USER_AUTH', { USERNAME: email }),
    ALLOW_ADMIN_USER_PASSWORD_AUTH: () =>
      local.call('AdminInitiateAuth', {
        UserPoolId: local.pool.id,
        ClientId: clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD: PASSWORD },
      }),
  };
  return attempts[flow]().then(
    () => true,
    (error: { name: string; message: string }) => {
      const refused =
        (error.name === 'InvalidParameterException' &&
          /flow not enabled for this client$/.test(error.message)) ||
        error.name === 'UnsupportedOperationException' ||
        // The local pool has no AdminInitiateAuth: no admin flow can be used at all.
        error.name === 'UnknownOperationException';
      if (!refused) throw error;
      return false;
    },
  );
}

describe('the deployed app client and the local one', () => {
  it('allow exactly the same explicit auth flows', async () => {
    const deployed = client.ExplicitAuthFlows as string[];
    const allowed: string[] = [];
    for (const flow of FLOWS) if (await localAllows(flow)) allowed.push(flow);
    expect(allowed.sort()).toEqual([...deployed].sort());
  });

  it('let a user read exactly the read attributes, through GetUser and the ID token', async () => {
    const { user, tokens } = await newUser();
    const values = Object.fromEntries(
      SETTABLE.filter((name) => name !== 'email').map((name) => [name, sampleValue(name)]),
    );
    await local.call('AdminUpdateUserAttributes', {
      UserPoolId: local.pool.id,
      Username: user.username,
      UserAttributes: list(values),
    });
    const deployed = ((client.ReadAttributes as string[] | undefined) ?? SETTABLE).slice().sort();

    const me = await local.call('GetUser', { AccessToken: tokens.AccessToken });
    const read = (me.UserAttributes as Array<{ Name: string }>)
      .map((a) => a.Name)
      .filter((name) => name !== 'sub');
    expect(read.sort()).toEqual(deployed);

    const fresh = await local.pool.refresh(tokens.RefreshToken!, local.pool.clientId);
    const inIdToken = Object.keys(payloadOf(fresh.IdToken)).filter((claim) =>
      SETTABLE.some((name) => name === claim),
    );
    expect(inIdToken.sort()).toEqual(deployed);
  });

  it('let a user write exactly the write attributes with their own access token', async () => {
    const deployed = ((client.WriteAttributes as string[] | undefined) ?? SETTABLE).slice().sort();
    const candidates = [
      ...SETTABLE,
      ...customInTemplate().map((entry) => customAttribute(entry.Name)),
    ];
    const written: string[] = [];
    for (const name of candidates) {
      const { user, tokens } = await newUser();
      const value = name === 'email' ? user.attributes.email! : sampleValue(name);
      const outcome = await local
        .call('UpdateUserAttributes', {
          AccessToken: tokens.AccessToken,
          UserAttributes: list({ [name]: value }),
        })
        .then(
          () => 'written',
          (error: { name: string }) => error.name,
        );
      if (outcome === 'written') written.push(name);
      else expect(outcome).toBe('NotAuthorizedException');
    }
    expect(written.sort()).toEqual(deployed);
  });

  it('give ID and access tokens the same lifetimes', async () => {
    const { tokens } = await newUser();
    const id = payloadOf(tokens.IdToken) as { iat: number; exp: number };
    const access = payloadOf(tokens.AccessToken) as { iat: number; exp: number };
    expect(id.exp - id.iat).toBe(templateSeconds('IdTokenValidity', 'IdToken', 'hours'));
    expect(access.exp - access.iat).toBe(
      templateSeconds('AccessTokenValidity', 'AccessToken', 'hours'),
    );
    expect(tokens.ExpiresIn).toBe(templateSeconds('AccessTokenValidity', 'AccessToken', 'hours'));
  });

  it('end a refresh token after the same validity', async () => {
    const lifetime = templateSeconds('RefreshTokenValidity', 'RefreshToken', 'days');
    const { tokens } = await newUser();
    const refresh = () => local.pool.refresh(tokens.RefreshToken!, local.pool.clientId);
    const start = clock;
    try {
      clock = start + (lifetime - 1) * 1000;
      await expect(refresh()).resolves.toBeTruthy();
      clock = start + lifetime * 1000;
      await expect(refresh()).rejects.toThrow('Invalid Refresh Token');
    } finally {
      clock = start;
    }
  });

  it('keep a sign-in challenge’s session for the same time', async () => {
    // AuthSessionValidity is in minutes, CloudFormation's only unit for it.
    const lifetime = Number(client.AuthSessionValidity ?? 3) * 60;
    local.pool.adminCreateUser({
      username: 'invited-parity@example.com',
      attributes: {},
      temporaryPassword: PASSWORD,
    });
    const respondAfter = async (seconds: number) => {
      const challenge = await srpSignIn(local.transport, {
        userPoolId: local.pool.id,
        clientId: local.pool.clientId,
        username: 'invited-parity@example.com',
        password: PASSWORD,
      });
      const start = clock;
      clock = start + seconds * 1000;
      try {
        return await local
          .call('RespondToAuthChallenge', {
            ClientId: local.pool.clientId,
            ChallengeName: 'NEW_PASSWORD_REQUIRED',
            Session: challenge.Session,
            ChallengeResponses: {
              USERNAME: challenge.ChallengeParameters!.USER_ID_FOR_SRP,
              NEW_PASSWORD: 'x', // refused by the policy: the session stays usable
            },
          })
          .catch((error: { name: string }) => error.name);
      } finally {
        clock = start;
      }
    };
    expect(await respondAfter(lifetime - 1)).toBe('InvalidPasswordException');
    expect(await respondAfter(lifetime)).toBe('NotAuthorizedException');
  });

  it('hide or reveal unknown users alike (PreventUserExistenceErrors)', async () => {
    const outcome = await srpSignIn(local.transport, {
      userPoolId: local.pool.id,
      clientId: local.pool.clientId,
      username: 'nobody@example.com',
      password: PASSWORD,
    }).catch((error: { name: string }) => error.name);
    const hidden = outcome === 'NotAuthorizedException';
    expect(hidden ? 'ENABLED' : 'LEGACY').toBe(client.PreventUserExistenceErrors ?? 'LEGACY');
  });

  it('take no part in OAuth: no grant, scope or callback URL (the local pool has no OAuth endpoints)', async () => {
    const inTemplate =
      client.AllowedOAuthFlowsUserPoolClient === true ||
      ['AllowedOAuthFlows', 'AllowedOAuthScopes', 'CallbackURLs', 'LogoutURLs'].some(
        (setting) => ((client[setting] as unknown[] | undefined) ?? []).length > 0,
      );
    const localOffers = await openInProcessUserPool({
      definition: {
        ...local.pool.definition,
        client: { ...local.pool.client, oAuthEnabled: true },
      },
    }).then(
      (opened) => {
        opened.dispose();
        return true;
      },
      () => false,
    );
    expect(inTemplate).toBe(localOffers);
  });

  it('revoke refresh tokens alike (EnableTokenRevocation)', async () => {
    const { tokens } = await newUser();
    const revoked = await local
      .call('RevokeToken', { ClientId: local.pool.clientId, Token: tokens.RefreshToken })
      .then(
        () => true,
        (error: { name: string }) => {
          expect(error.name).toBe('UnsupportedOperationException');
          return false;
        },
      );
    // CloudFormation enables revocation on new clients unless told otherwise.
    expect(revoked).toBe(client.EnableTokenRevocation ?? true);
  });
});

describe('the deployed user pool and the local one', () => {
  it('compare sign-in names in the same case (UsernameConfiguration.CaseSensitive)', async () => {
    const { user } = await newUser();
    const shouted = await srpSignIn(local.transport, {
      userPoolId: local.pool.id,
      clientId: local.pool.clientId,
      username: user.attributes.email!.toUpperCase(),
      password: PASSWORD,
    }).then(
      () => 'signed in',
      (error: { name: string }) => error.name,
    );
    // CloudFormation's default, with no UsernameConfiguration, is case-sensitive.
    const caseSensitive =
      (pool.UsernameConfiguration as { CaseSensitive?: boolean } | undefined)?.CaseSensitive ??
      true;
    expect(shouted).toBe(caseSensitive ? 'NotAuthorizedException' : 'signed in');
  });

  it('keep the original e-mail until a new one is verified alike (AttributesRequireVerificationBeforeUpdate)', async () => {
    const { user, tokens } = await newUser();
    const original = user.attributes.email!;
    await local.call('UpdateUserAttributes', {
      AccessToken: tokens.AccessToken,
      UserAttributes: list({ email: `moved-${original}` }),
    });
    const me = await local.call('GetUser', { AccessToken: tokens.AccessToken });
    const kept = me.UserAttributes.some(
      (a: { Name: string; Value: string }) => a.Name === 'email' && a.Value === original,
    );
    const settings = pool.UserAttributeUpdateSettings as
      { AttributesRequireVerificationBeforeUpdate?: string[] } | undefined;
    expect(kept).toBe(
      settings?.AttributesRequireVerificationBeforeUpdate?.includes('email') ?? false,
    );
  });

  it('require the same standard attributes', () => {
    const deployed = schema()
      .filter((entry) => entry.AttributeDataType === undefined && entry.Required)
      .map((entry) => entry.Name);
    const required = local.pool.attributes.required.filter(
      (name) => !COGNITO_ASSIGNED_ATTRIBUTES.some((assigned) => assigned === name),
    );
    expect(required.sort()).toEqual(deployed.sort());
  });

  it('let administrators change the same standard attributes (Mutable)', async () => {
    const declared = new Map(schema().map((entry) => [entry.Name, entry.Mutable ?? true]));
    for (const name of SETTABLE) {
      const { user } = await newUser();
      const value = name === 'email' ? `changed-${user.attributes.email!}` : sampleValue(name);
      const changed = await local
        .call('AdminUpdateUserAttributes', {
          UserPoolId: local.pool.id,
          Username: user.username,
          UserAttributes: list({ [name]: value }),
        })
        .then(
          () => true,
          () => false,
        );
      expect({ name, mutable: changed }).toEqual({ name, mutable: declared.get(name) ?? true });
    }
  });

  it('know the same custom attributes, and no other', async () => {
    const { user } = await newUser();
    const adminWrite = (name: string) =>
      local
        .call('AdminUpdateUserAttributes', {
          UserPoolId: local.pool.id,
          Username: user.username,
          UserAttributes: list({ [name]: '1' }),
        })
        .then(
          () => 'exists',
          (error: { message: string }) =>
            /Attribute does not exist in the schema/.test(error.message) ? 'unknown' : 'exists',
        );
    for (const entry of customInTemplate()) {
      expect(await adminWrite(customAttribute(entry.Name))).toBe('exists');
    }
    expect(await adminWrite(customAttribute('not_in_the_template'))).toBe('unknown');
  });
});

describe('the deployed and the local MFA', () => {
  /** A user with an authenticator app set up and turned on, through cognito-idp's calls. */
  async function userWithTotp(): Promise<UserRecord> {
    const { user, tokens } = await newUser();
    const AccessToken = tokens.AccessToken;
    const { SecretCode } = await local.call('AssociateSoftwareToken', { AccessToken });
    await local.call('VerifySoftwareToken', {
      AccessToken,
      UserCode: await nextTotpCode(SecretCode, () => clock),
    });
    await local.call('SetUserMFAPreference', {
      AccessToken,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    });
    return user;
  }
  const challengeAfterPassword = async (user: UserRecord) =>
    (
      await srpSignIn(local.transport, {
        userPoolId: local.pool.id,
        clientId: local.pool.clientId,
        username: user.attributes.email!,
        password: PASSWORD,
      })
    ).ChallengeName;

  it('ask for a second factor alike (MfaConfiguration)', async () => {
    const withApp = await challengeAfterPassword(await userWithTotp());
    const withoutApp = await challengeAfterPassword((await newUser()).user);
    const behaves =
      withApp !== 'SOFTWARE_TOKEN_MFA' ? 'OFF' : withoutApp === 'MFA_SETUP' ? 'ON' : 'OPTIONAL';
    // CloudFormation's default is OFF.
    expect(behaves).toBe(pool.MfaConfiguration ?? 'OFF');
  });

  it('offer the same second factors (EnabledMfas)', async () => {
    const { tokens } = await newUser();
    const offers = async (call: () => Promise<unknown>) =>
      call().then(
        () => true,
        (error: { name: string; message: string }) => {
          const refused =
            error.name === 'SoftwareTokenMFANotFoundException' ||
            /delivery config set to turn on SMS_MFA/.test(error.message);
          if (!refused) throw error;
          return false;
        },
      );
    const offered = [];
    if (
      await offers(() => local.call('AssociateSoftwareToken', { AccessToken: tokens.AccessToken }))
    )
      offered.push('SOFTWARE_TOKEN_MFA');
    if (
      await offers(() =>
        local.call('SetUserMFAPreference', {
          AccessToken: tokens.AccessToken,
          SMSMfaSettings: { Enabled: true },
        }),
      )
    )
      offered.push('SMS_MFA');
    expect(offered.sort()).toEqual(
      ((pool.EnabledMfas as string[] | undefined) ?? []).slice().sort(),
    );
  });
});
