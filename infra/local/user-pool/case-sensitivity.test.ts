import { afterEach, describe, expect, it } from 'vitest';
import { SPA_CLIENT_SETTINGS, USER_POOL_SETTINGS } from '@contract';
import { expectAwsError } from '../testing/aws-assertions';
import { openInProcessUserPool, type InProcessUserPool } from '../testing/in-process-user-pool';
import { srpSignIn } from '../testing/srp-client';

const PASSWORD = 'Right-Passw0rd!';

let local: InProcessUserPool;
afterEach(() => local.dispose());

const signIn = (username: string) =>
  srpSignIn(local.transport, {
    userPoolId: local.pool.id,
    clientId: local.pool.clientId,
    username,
    password: PASSWORD,
  });
const createUser = (email: string) =>
  local.call('AdminCreateUser', {
    UserPoolId: local.pool.id,
    Username: email,
    MessageAction: 'SUPPRESS',
    TemporaryPassword: PASSWORD,
  });
const getUser = (name: string) =>
  local.call('AdminGetUser', { UserPoolId: local.pool.id, Username: name });

describe('the deployed pool: sign-in is case-insensitive', () => {
  it('signs in with the e-mail address in any case, and keeps the address as it was given', async () => {
    local = await openInProcessUserPool();
    const user = local.pool.ensureSeedUser('Ada@Example.com', PASSWORD, []);
    expect(user.attributes.email).toBe('Ada@Example.com');
    for (const alias of ['Ada@Example.com', 'ada@example.com', 'ADA@EXAMPLE.COM']) {
      expect((await signIn(alias)).AuthenticationResult?.IdToken).toBeTruthy();
    }
    expect((await getUser('aDa@eXample.com')).Username).toBe(user.username);
    expect((await getUser(user.username.toUpperCase())).Username).toBe(user.username);
  });

  it('treats another case of an existing address as the same account', async () => {
    local = await openInProcessUserPool();
    await createUser('Ada@Example.com');
    await expectAwsError(
      createUser('ada@example.com'),
      'UsernameExistsException',
      'An account with the given email already exists.',
    );
  });
});

describe('a case-sensitive pool (CloudFormation’s default)', () => {
  const caseSensitive = {
    pool: { ...USER_POOL_SETTINGS, signInCaseSensitive: true },
    client: SPA_CLIENT_SETTINGS,
  };

  it('signs in only with the exact case, for the username and the e-mail alias alike', async () => {
    local = await openInProcessUserPool({ definition: caseSensitive });
    const user = local.pool.ensureSeedUser('Ada@Example.com', PASSWORD, []);
    expect((await signIn('Ada@Example.com')).AuthenticationResult?.IdToken).toBeTruthy();
    await expectAwsError(
      signIn('ada@example.com'),
      'NotAuthorizedException',
      'Incorrect username or password.',
    );
    await expectAwsError(getUser(user.username.toUpperCase()), 'UserNotFoundException');
    await expectAwsError(getUser('ADA@EXAMPLE.COM'), 'UserNotFoundException');
  });

  it('lets two accounts differ only in case', async () => {
    local = await openInProcessUserPool({ definition: caseSensitive });
    const first = await createUser('Ada@Example.com');
    const second = await createUser('ada@example.com');
    expect(first.User.Username).not.toBe(second.User.Username);
    expect((await getUser('ada@example.com')).Username).toBe(second.User.Username);
  });
});
