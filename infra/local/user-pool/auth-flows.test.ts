import { afterEach, describe, expect, it } from 'vitest';
import { SPA_CLIENT_SETTINGS, USER_POOL_SETTINGS } from '@contract';
import { expectAwsError } from '../testing/aws-assertions';
import { openInProcessUserPool, type InProcessUserPool } from '../testing/in-process-user-pool';
import { srpSignIn } from '../testing/srp-client';
import type { UserPoolDefinition } from './model';

const EMAIL = 'ada@example.com';
const PASSWORD = 'Right-Passw0rd!';

let local: InProcessUserPool;
afterEach(() => local.dispose());

async function poolWithUser(definition?: UserPoolDefinition) {
  local = await openInProcessUserPool({ definition });
  local.pool.ensureSeedUser(EMAIL, PASSWORD, []);
  return local;
}

const initiate = (AuthFlow: string, AuthParameters: Record<string, string>) =>
  local.call('InitiateAuth', { ClientId: local.pool.clientId, AuthFlow, AuthParameters });

describe("the deployed app client's explicit auth flows", () => {
  it('signs in with SRP and refreshes, the two flows it allows', async () => {
    await poolWithUser();
    const signedIn = await srpSignIn(local.transport, {
      userPoolId: local.pool.id,
      clientId: local.pool.clientId,
      username: EMAIL,
      password: PASSWORD,
    });
    const refreshToken = signedIn.AuthenticationResult!.RefreshToken!;
    const refreshed = await initiate('REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: refreshToken });
    expect(refreshed.AuthenticationResult.IdToken).toBeTruthy();
  });

  it('refuses USER_PASSWORD_AUTH as Cognito does, even with the right password', async () => {
    await poolWithUser();
    await expectAwsError(
      initiate('USER_PASSWORD_AUTH', { USERNAME: EMAIL, PASSWORD }),
      'InvalidParameterException',
      'USER_PASSWORD_AUTH flow not enabled for this client',
    );
  });

  it.each(['CUSTOM_AUTH', 'USER_AUTH'])('refuses %s, which it does not list', async (flow) => {
    await poolWithUser();
    await expectAwsError(
      initiate(flow, { USERNAME: EMAIL }),
      'InvalidParameterException',
      `${flow} flow not enabled for this client`,
    );
  });

  it.each(['ADMIN_NO_SRP_AUTH', 'ADMIN_USER_PASSWORD_AUTH'])(
    'refuses %s, a flow only AdminInitiateAuth takes',
    async (flow) => {
      await poolWithUser();
      await expectAwsError(
        initiate(flow, { USERNAME: EMAIL, PASSWORD }),
        'InvalidParameterException',
        'Initiate Auth method not supported.',
      );
    },
  );

  it('validates the flow name before anything else', async () => {
    await poolWithUser();
    await expectAwsError(
      local.call('InitiateAuth', { ClientId: 'nope', AuthFlow: 'MAGIC', AuthParameters: {} }),
      'InvalidParameterException',
      /^1 validation error detected: Value 'MAGIC' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: \[USER_SRP_AUTH, /,
    );
  });
});

describe('a client whose definition allows USER_PASSWORD_AUTH', () => {
  it('signs in with it: the flows follow the definition, not a fixed list', async () => {
    await poolWithUser({
      pool: USER_POOL_SETTINGS,
      client: {
        ...SPA_CLIENT_SETTINGS,
        explicitAuthFlows: [...SPA_CLIENT_SETTINGS.explicitAuthFlows, 'ALLOW_USER_PASSWORD_AUTH'],
      },
    });
    const result = await initiate('USER_PASSWORD_AUTH', { USERNAME: EMAIL, PASSWORD });
    expect(result.AuthenticationResult.AccessToken).toBeTruthy();
  });
});

describe('a client without SRP', () => {
  it('refuses USER_SRP_AUTH', async () => {
    await poolWithUser({
      pool: USER_POOL_SETTINGS,
      client: { ...SPA_CLIENT_SETTINGS, explicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'] },
    });
    await expectAwsError(
      initiate('USER_SRP_AUTH', { USERNAME: EMAIL, SRP_A: 'abc' }),
      'InvalidParameterException',
      'USER_SRP_AUTH flow not enabled for this client',
    );
  });
});
