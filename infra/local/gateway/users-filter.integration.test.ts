import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_FILTER_ATTRIBUTES, type GroupName, type UserSummary } from '@contract';
import { callAdmin, type Json, type SignedInCaller } from '../testing/callers';
import { createMfaAdmin } from '../testing/mfa-admin';
import { startTestStack, type TestStack } from '../testing/test-stack';

let stack: TestStack;
let admin: SignedInCaller;

/** People of this file: names, groups and states the filters tell apart. */
const PEOPLE = {
  ann: { name: 'Ann Lee', group: 'helpdesk', confirmed: true, enabled: true },
  bob: { name: 'Bob Ray', group: 'helpdesk', confirmed: true, enabled: false },
  cat: { name: 'Ann Cole', group: 'general', confirmed: true, enabled: true },
  // Invited and never signed in: FORCE_CHANGE_PASSWORD, and no name.
  dan: { name: undefined, group: 'helpdesk', confirmed: false, enabled: true },
} as const satisfies Record<
  string,
  { name: string | undefined; group: GroupName; confirmed: boolean; enabled: boolean }
>;
type Person = keyof typeof PEOPLE;
const emailOf = (person: Person) => `filter-${person}@example.com`;
/** Cognito's username of each, as it answered AdminCreateUser. */
const usernames = {} as Record<Person, string>;

beforeAll(async () => {
  stack = await startTestStack();
  admin = (await createMfaAdmin(stack, { groups: ['admin', 'general'] })).caller;
  const UserPoolId = stack.userPool.id;
  for (const [person, { name, group, confirmed, enabled }] of Object.entries(PEOPLE)) {
    const { User } = await stack.idp.send(
      new AdminCreateUserCommand({
        UserPoolId,
        Username: emailOf(person as Person),
        UserAttributes: [
          { Name: 'email', Value: emailOf(person as Person) },
          { Name: 'email_verified', Value: 'true' },
          ...(name ? [{ Name: 'name', Value: name }] : []),
        ],
        MessageAction: 'SUPPRESS',
      }),
    );
    const Username = User!.Username!;
    usernames[person as Person] = Username;
    if (confirmed) {
      await stack.idp.send(
        new AdminSetUserPasswordCommand({
          UserPoolId,
          Username,
          Password: 'Filter-Passw0rd!',
          Permanent: true,
        }),
      );
    }
    if (!enabled) await stack.idp.send(new AdminDisableUserCommand({ UserPoolId, Username }));
    await stack.idp.send(
      new AdminAddUserToGroupCommand({ UserPoolId, Username, GroupName: group }),
    );
  }
});
afterAll(() => stack.stop());

const listUsers = (query: Record<string, string>) =>
  callAdmin(stack, admin, 'GET', `/admin/users?${new URLSearchParams(query).toString()}`);

/** Every page of the filtered list, following the cursors to the end. */
async function everyPage(query: Record<string, string>): Promise<UserSummary[][]> {
  const pages: UserSummary[][] = [];
  let cursor: string | null = null;
  do {
    const { status, body } = await listUsers({ ...query, ...(cursor ? { cursor } : {}) });
    expect(status, JSON.stringify(body)).toBe(200);
    pages.push(body.users as UserSummary[]);
    cursor = body.nextCursor as string | null;
  } while (cursor);
  return pages;
}

/** The people of this file a list holds, in a stable order. */
const peopleIn = (users: readonly UserSummary[]) =>
  users
    .map((u) => u.email)
    .filter((email) => email.startsWith('filter-'))
    .map((email) => email.slice('filter-'.length, -'@example.com'.length))
    .sort();

describe('the Users list filtered by group (ListUsersInGroup)', () => {
  it('lists exactly the group’s members, as the group’s own member list does', async () => {
    const [users] = await everyPage({ group: 'helpdesk', limit: '60' });
    expect(peopleIn(users!)).toEqual(['ann', 'bob', 'dan']);
    const members = await callAdmin(stack, admin, 'GET', '/admin/groups/helpdesk/users?limit=60');
    expect(users!.map((u) => u.username).sort()).toEqual(
      members.body.users.map((u: Json) => u.username).sort(),
    );
  });

  it('applies an attribute filter to each page of the members: short pages, every match once', async () => {
    // One member a page: reading on fills each page but the last, which may end empty.
    const pages = await everyPage({
      group: 'helpdesk',
      attribute: 'name',
      value: 'Ann',
      limit: '1',
    });
    expect(peopleIn(pages.flat())).toEqual(['ann']);
    // Members come in no promised order: a page is full or the last, never more than asked.
    expect(pages.every((page) => page.length <= 1)).toBe(true);
    expect(pages.slice(0, -1).every((page) => page.length === 1)).toBe(true);
    // Cat's name starts with "Ann" too, but she is not in helpdesk.
    const everyone = await everyPage({ attribute: 'name', value: 'Ann', limit: '60' });
    expect(peopleIn(everyone.flat())).toEqual(['ann', 'cat']);
  });

  it('reads on until a page it filters is full, so no match waits behind empty pages', async () => {
    // The member the group lists last, asked for one a page: Cognito's first pages hold others.
    const members = await callAdmin(stack, admin, 'GET', '/admin/groups/helpdesk/users?limit=60');
    const usernames = (members.body.users as UserSummary[]).map((u) => u.username);
    expect(usernames.length).toBeGreaterThan(2);
    const last = [...usernames].sort().at(-1)!;
    const first = await listUsers({
      group: 'helpdesk',
      attribute: 'username',
      match: 'exact',
      value: last,
      limit: '1',
    });
    expect(first.status).toBe(200);
    expect(first.body.users.map((u: UserSummary) => u.username)).toEqual([last]);
  });

  it('applies the status and Cognito’s own status attribute to the members as well', async () => {
    const disabled = await everyPage({ group: 'helpdesk', status: 'disabled', limit: '60' });
    expect(peopleIn(disabled.flat())).toEqual(['bob']);
    const invited = await everyPage({
      group: 'helpdesk',
      attribute: 'cognito:user_status',
      match: 'exact',
      value: 'FORCE_CHANGE_PASSWORD',
      limit: '60',
    });
    expect(peopleIn(invited.flat())).toEqual(['dan']);
  });
});

describe('the Users list filtered by an attribute (ListUsers’ Filter)', () => {
  it('matches by prefix unless asked for an exact match', async () => {
    expect(peopleIn((await everyPage({ attribute: 'name', value: 'Ann' })).flat())).toEqual([
      'ann',
      'cat',
    ]);
    const exact = { attribute: 'name', match: 'exact' };
    expect(peopleIn((await everyPage({ ...exact, value: 'Ann' })).flat())).toEqual([]);
    expect(peopleIn((await everyPage({ ...exact, value: 'Ann Lee' })).flat())).toEqual(['ann']);
  });

  it('applies the status to the page Cognito filtered by the attribute', async () => {
    const pages = await everyPage({ attribute: 'email', value: 'filter-', status: 'disabled' });
    expect(peopleIn(pages.flat())).toEqual(['bob']);
  });

  it('finds a user by username and by sub, and answers their name (null when they have none)', async () => {
    const [byUsername] = await everyPage({
      attribute: 'username',
      match: 'exact',
      value: usernames.ann,
    });
    expect(byUsername).toEqual([
      expect.objectContaining({ email: emailOf('ann'), name: 'Ann Lee' }),
    ]);
    const dan = await stack.idp.send(
      new AdminGetUserCommand({ UserPoolId: stack.userPool.id, Username: usernames.dan }),
    );
    const sub = dan.UserAttributes?.find((a) => a.Name === 'sub')?.Value ?? '';
    const [bySub] = await everyPage({ attribute: 'sub', match: 'exact', value: sub });
    expect(bySub).toEqual([expect.objectContaining({ email: emailOf('dan'), name: null })]);
    const detail = await callAdmin(stack, admin, 'GET', `/admin/users/${usernames.dan}`);
    expect(detail.body.name).toBeNull();
  });

  it('sends every attribute the contract offers to Cognito, which accepts each', async () => {
    const values: Record<(typeof USER_FILTER_ATTRIBUTES)[number], string> = {
      email: 'filter-',
      name: 'A',
      given_name: 'A',
      family_name: 'A',
      preferred_username: 'A',
      username: 'a',
      phone_number: '+81',
      sub: '0',
      'cognito:user_status': 'CONFIRMED',
    };
    for (const attribute of USER_FILTER_ATTRIBUTES) {
      const response = await listUsers({ attribute, value: values[attribute] });
      expect(response.status, `${attribute}: ${JSON.stringify(response.body)}`).toBe(200);
    }
  });
});

describe('a filter that cannot be sent gets 400 naming the field', () => {
  it.each([
    ['an attribute without a value', { attribute: 'email' }, 'query.value', 'is required'],
    ['an empty value', { attribute: 'email', value: ' ' }, 'query.value', 'is required'],
    ['a value without an attribute', { value: 'ann' }, 'query.attribute', 'is required'],
    ['a match without an attribute', { match: 'exact' }, 'query.attribute', 'is required'],
    [
      'an attribute Cognito cannot search',
      { attribute: 'custom:team', value: 'x' },
      'query.attribute',
      'must be one of',
    ],
    [
      'a match type Cognito has not',
      { attribute: 'email', match: 'contains', value: 'x' },
      'query.match',
      'must be prefix or exact',
    ],
    [
      'a sub that is no UUID',
      { attribute: 'sub', match: 'exact', value: 'ann' },
      'query.value',
      'must be a user ID',
    ],
    [
      'a status Cognito has not',
      { attribute: 'cognito:user_status', value: 'ASLEEP' },
      'query.value',
      'must be one of',
    ],
    ['a group outside the contract', { group: 'root' }, 'query.group', 'must be one of admin'],
    [
      'the old email filter, which would otherwise list everyone',
      { email: 'ann' },
      'query.email',
      'is no filter any more',
    ],
  ])('%s', async (_, query, field, message) => {
    const response = await listUsers(query);
    expect(response.status).toBe(400);
    expect(response.body.field).toBe(field);
    expect(response.body.message).toContain(`${field}: ${message}`);
  });
});
