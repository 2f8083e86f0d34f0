import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAwsError } from '../testing/aws-assertions';
import { openInProcessUserPool, type InProcessUserPool } from '../testing/in-process-user-pool';

let local: InProcessUserPool;
let poolId: string;

beforeAll(async () => {
  local = await openInProcessUserPool();
  poolId = local.pool.id;
  local.pool.ensureSeedUser('member@example.com', 'Right-Passw0rd!', ['admin', 'general']);
  for (let i = 0; i < 5; i++) {
    local.pool.ensureSeedUser(`general${i}@example.com`, 'Right-Passw0rd!', ['general']);
  }
});
afterAll(() => local.dispose());

/** Every page of a listing, following its token to the last page. */
async function allPages<T>(
  fetchPage: (token: string | undefined) => Promise<{ items: T[]; token?: string }>,
): Promise<T[][]> {
  const pages: T[][] = [];
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    pages.push(page.items);
    token = page.token;
  } while (token);
  return pages;
}

describe('AdminListGroupsForUser', () => {
  it('honours Limit and NextToken', async () => {
    const pages = await allPages(async (NextToken) => {
      const answer = await local.call('AdminListGroupsForUser', {
        UserPoolId: poolId,
        Username: 'member@example.com',
        Limit: 1,
        NextToken,
      });
      return {
        items: answer.Groups.map((g: { GroupName: string }) => g.GroupName),
        token: answer.NextToken,
      };
    });
    expect(pages).toEqual([['admin'], ['general']]);
  });

  it('refuses a Limit above 60', async () => {
    await expectAwsError(
      local.call('AdminListGroupsForUser', {
        UserPoolId: poolId,
        Username: 'member@example.com',
        Limit: 61,
      }),
      'InvalidParameterException',
      /Member must have value less than or equal to 60/,
    );
  });
});

describe('ListUsersInGroup', () => {
  it('honours Limit and NextToken, listing each member once', async () => {
    const pages = await allPages(async (NextToken) => {
      const answer = await local.call('ListUsersInGroup', {
        UserPoolId: poolId,
        GroupName: 'general',
        Limit: 2,
        NextToken,
      });
      return {
        items: answer.Users.map((u: { Username: string }) => u.Username),
        token: answer.NextToken,
      };
    });
    expect(pages.map((page) => page.length)).toEqual([2, 2, 2]);
    expect(new Set(pages.flat()).size).toBe(6);
  });
});

describe('ListUsers AttributesToGet', () => {
  const listWith = (AttributesToGet: string[], Filter?: string) =>
    local.call('ListUsers', { UserPoolId: poolId, AttributesToGet, Filter });

  it('returns only the attributes asked for', async () => {
    const answer = await listWith(['email']);
    for (const user of answer.Users) {
      expect(user.Attributes.map((a: { Name: string }) => a.Name)).toEqual(['email']);
    }
  });

  it('refuses an attribute the schema lacks, as Cognito does', async () => {
    await expectAwsError(
      listWith(['email', 'custom:plan']),
      'InvalidParameterException',
      'One or more requested attributes do not exist.',
    );
    await expectAwsError(
      listWith(['nickname_typo']),
      'InvalidParameterException',
      'One or more requested attributes do not exist.',
    );
  });

  it('refuses an attribute some listed user has no value for, unless the filter leaves them out', async () => {
    await local.call('AdminUpdateUserAttributes', {
      UserPoolId: poolId,
      Username: 'member@example.com',
      UserAttributes: [{ Name: 'name', Value: 'Member' }],
    });
    await expectAwsError(
      listWith(['name']),
      'InvalidParameterException',
      'One or more requested attributes do not exist.',
    );
    const filtered = await listWith(['name'], '"email" = "member@example.com"');
    expect(filtered.Users[0].Attributes).toEqual([{ Name: 'name', Value: 'Member' }]);
  });
});
