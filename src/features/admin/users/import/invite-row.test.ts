import { describe, expect, it } from 'vitest';
import type { UserDetail } from '@contract';
import { ApiError } from '../../../../api/api-error';
import { fakeApi } from '../../../../testing/fake-api';
import { person } from '../../../../testing/people';
import { planImport } from './import-csv';
import { inviteRow } from './invite-row';

const throttled = () =>
  new ApiError({
    status: 429,
    kind: 'Throttled',
    message: 'Rate exceeded',
    hint: 'Throttled',
    requestId: null,
    code: 'TooManyRequestsException',
  });

const [row] = planImport([
  ['email', 'groups'],
  ['ada@example.com', 'helpdesk;general'],
]).rows;
const ada = (groups: string[]): UserDetail => ({ ...person('ada'), groups });
const options = { batch: 'b', signal: new AbortController().signal, sleep: async () => undefined };

describe('inviting one row of an import', () => {
  it('adds a group Cognito throttled during the invitation, waiting out its throttling', async () => {
    let adds = 0;
    const { api, calls } = fakeApi({
      // The invitation went out; adding general was throttled, so the answer lacks it.
      inviteUser: () => ada(['helpdesk']),
      addUserToGroup: () => {
        if (++adds < 3) throw throttled();
        return ada(['general', 'helpdesk']);
      },
    });
    const user = await inviteRow(api, row!, options);
    expect(user.groups).toEqual(['general', 'helpdesk']);
    expect(calls.map((call) => [call.route, call.batch])).toEqual([
      ['inviteUser', 'b'],
      ['addUserToGroup', 'b'],
      ['addUserToGroup', 'b'],
      ['addUserToGroup', 'b'],
    ]);
  });

  it('never invites twice: a group it cannot add is left missing, and the row says so', async () => {
    const { api, calls } = fakeApi({
      inviteUser: () => ada(['helpdesk']),
      addUserToGroup: () => {
        throw throttled();
      },
    });
    const user = await inviteRow(api, row!, options);
    expect(user.groups).toEqual(['helpdesk']);
    expect(calls.filter((call) => call.route === 'inviteUser')).toHaveLength(1);
  });
});
