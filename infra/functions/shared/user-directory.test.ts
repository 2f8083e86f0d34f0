import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
  ListUsersInGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getUser, listGroupMembers, listUsers } from './user-directory';

beforeEach(() => vi.stubEnv('USER_POOL_ID', 'ap-northeast-1_Test'));
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('getUser', () => {
  it('pages through AdminListGroupsForUser until Cognito stops giving a NextToken', async () => {
    const pages: Record<string, { Groups: Array<{ GroupName: string }>; NextToken?: string }> = {
      first: { Groups: [{ GroupName: 'general' }], NextToken: 'second' },
      second: { Groups: [{ GroupName: 'admin' }] },
    };
    const send = vi
      .spyOn(CognitoIdentityProviderClient.prototype, 'send')
      .mockImplementation(async (command: unknown) => {
        if (command instanceof AdminGetUserCommand) {
          return { Username: 'u-1', UserAttributes: [{ Name: 'email', Value: 'a@example.com' }] };
        }
        if (command instanceof AdminListGroupsForUserCommand) {
          return pages[command.input.NextToken ?? 'first'];
        }
        throw new Error('unexpected command');
      });

    const user = await getUser('u-1');

    expect(user.groups).toEqual(['admin', 'general']);
    const listCalls = send.mock.calls
      .map(([command]) => command)
      .filter((command) => command instanceof AdminListGroupsForUserCommand);
    expect(listCalls.map((command) => command.input.NextToken)).toEqual([undefined, 'second']);
  });
});

const listed = (username: string) => ({
  Username: username,
  Enabled: true,
  UserStatus: 'CONFIRMED',
  Attributes: [{ Name: 'email', Value: `${username}@example.com` }],
});

/** A pool of `count` users where every third has TOTP on and `deleted` vanished after listing. */
function poolOfUsers(count: number, deleted: string[] = []) {
  const users = Array.from({ length: count }, (_, i) => listed(`u-${i}`));
  let reading = 0;
  let mostAtOnce = 0;
  const send = vi
    .spyOn(CognitoIdentityProviderClient.prototype, 'send')
    .mockImplementation(async (command: unknown) => {
      if (command instanceof ListUsersCommand || command instanceof ListUsersInGroupCommand) {
        return { Users: users };
      }
      if (command instanceof AdminGetUserCommand) {
        const username = command.input.Username ?? '';
        reading++;
        mostAtOnce = Math.max(mostAtOnce, reading);
        await new Promise((resolve) => setTimeout(resolve, 2));
        reading--;
        if (deleted.includes(username)) {
          throw Object.assign(new Error('User does not exist.'), { name: 'UserNotFoundException' });
        }
        const index = Number(username.slice(2));
        return {
          Username: username,
          UserMFASettingList: index % 3 === 0 ? ['SOFTWARE_TOKEN_MFA'] : [],
        };
      }
      throw new Error('unexpected command');
    });
  return { send, mostAtOnce: () => mostAtOnce };
}

describe('MFA state in user lists', () => {
  it('reads each listed user from the pool, a few at a time, since ListUsers does not say', async () => {
    const pool = poolOfUsers(12);

    const page = await listUsers({ limit: 12 });

    expect(page.users.map((u) => [u.username, u.mfaEnabled])).toEqual(
      Array.from({ length: 12 }, (_, i) => [`u-${i}`, i % 3 === 0]),
    );
    expect(pool.mostAtOnce()).toBe(5);
  });

  it('leaves out a user deleted between the list and the read', async () => {
    poolOfUsers(3, ['u-1']);

    const page = await listUsers({ limit: 20 });

    expect(page.users.map((u) => u.username)).toEqual(['u-0', 'u-2']);
  });

  it('reads only the users a filtered page shows', async () => {
    const pool = poolOfUsers(4);
    const users = await listUsers({
      limit: 20,
      attribute: 'email',
      value: 'u',
      status: 'disabled',
    });
    expect(users.users).toEqual([]);
    expect(pool.send.mock.calls.filter(([c]) => c instanceof AdminGetUserCommand)).toEqual([]);
  });
});

describe("a group's members", () => {
  it('are one ListUsersInGroup a page: nobody is read again for an MFA state', async () => {
    const pool = poolOfUsers(3);

    const page = await listGroupMembers('general', { limit: 20 });

    expect(page.users.map((u) => u.username)).toEqual(['u-0', 'u-1', 'u-2']);
    expect(page.users[0]).not.toHaveProperty('mfaEnabled');
    expect(pool.send.mock.calls.map(([command]) => command.constructor.name)).toEqual([
      'ListUsersInGroupCommand',
    ]);
  });
});

describe('MFA state of one user', () => {
  it('is on only for a verified software token, as AdminGetUser lists it', async () => {
    vi.spyOn(CognitoIdentityProviderClient.prototype, 'send').mockImplementation(
      async (command: unknown) =>
        command instanceof AdminGetUserCommand
          ? { Username: 'u-1', UserMFASettingList: ['SOFTWARE_TOKEN_MFA'] }
          : { Groups: [] },
    );
    expect((await getUser('u-1')).mfaEnabled).toBe(true);

    vi.restoreAllMocks();
    vi.spyOn(CognitoIdentityProviderClient.prototype, 'send').mockImplementation(
      async (command: unknown) =>
        command instanceof AdminGetUserCommand ? { Username: 'u-1' } : { Groups: [] },
    );
    expect((await getUser('u-1')).mfaEnabled).toBe(false);
  });
});
