import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getUser } from './user-directory';

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
