// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry, ListAuditQuery } from '@contract';
import type { FakeRoutes } from '../../../testing/fake-api';
import { renderScreen } from '../../../testing/render-screen';
import AuditPage from './AuditPage';

let serial = 0;
function entry(changes: Partial<AuditEntry> = {}): AuditEntry {
  serial += 1;
  return {
    id: `r-${serial}`,
    at: '2026-11-21T09:00:00.000Z',
    actor: { username: 'u-admin', email: 'admin@example.com' },
    action: 'inviteUser',
    target: 'ada@example.com',
    requestId: `r-${serial}`,
    outcome: 'success',
    ...changes,
  };
}

async function renderAudit(listAudit: NonNullable<FakeRoutes['listAudit']>, at?: string) {
  const rendered = await renderScreen(<AuditPage />, { routes: { listAudit }, at });
  await screen.findByRole('heading', { level: 1, name: /^Audit log/ });
  return rendered;
}

const log = () => screen.getByRole('table', { name: /^Admin actions, newest first/ });
const rowOf = async (target: string) =>
  (await within(log()).findByText(target)).closest('tr') as HTMLElement;
const queries = (calls: { route: string; input: unknown }[]) =>
  calls
    .filter((c) => c.route === 'listAudit')
    .map((c) => (c.input as { query: ListAuditQuery }).query);

afterEach(cleanup);

describe('each entry’s outcome', () => {
  it('words a Cognito exception as a sentence and keeps its name beneath it', async () => {
    await renderAudit(() => ({
      entries: [entry({ outcome: 'failure', error: 'UsernameExistsException' })],
      nextCursor: null,
    }));
    const row = await rowOf('ada@example.com');

    expect(within(row).getByText('Failed')).toBeTruthy();
    expect(within(row).getByText('A user with this email already existed.')).toBeTruthy();
    expect(within(row).getByText('Error code: UsernameExistsException')).toBeTruthy();
    expect(within(row).queryByText('UsernameExistsException')).toBeNull();
  });

  it('tells success, a refusal by the console’s rules, and an unknown outcome apart', async () => {
    await renderAudit(() => ({
      entries: [
        entry({ target: 'done@example.com' }),
        entry({ target: 'self@example.com', outcome: 'failure', error: 'SelfProtection' }),
        entry({ target: 'lost@example.com', outcome: 'pending' }),
      ],
      nextCursor: null,
    }));

    expect(within(await rowOf('done@example.com')).getByText('Succeeded')).toBeTruthy();
    const refused = await rowOf('self@example.com');
    expect(within(refused).getByText('Refused')).toBeTruthy();
    expect(
      within(refused).getByText('Administrators may not do this to their own account.'),
    ).toBeTruthy();
    const pending = await rowOf('lost@example.com');
    expect(within(pending).getByText('Outcome unknown')).toBeTruthy();
    expect(within(pending).getByText(/whether it happened is unknown/)).toBeTruthy();
  });

  it('counts a helpdesk role acting on an administrator, or a caller without MFA, as refused', async () => {
    await renderAudit(() => ({
      entries: [
        entry({
          action: 'disableUser',
          target: 'boss@example.com',
          outcome: 'failure',
          error: 'OutranksCaller',
        }),
        entry({
          action: 'disableUser',
          target: 'nomfa@example.com',
          outcome: 'failure',
          error: 'MfaRequired',
        }),
      ],
      nextCursor: null,
    }));

    const outranked = await rowOf('boss@example.com');
    expect(within(outranked).getByText('Refused')).toBeTruthy();
    expect(
      within(outranked).getByText(
        'The user was in a group with more rights than the role they acted as.',
      ),
    ).toBeTruthy();
    const withoutMfa = await rowOf('nomfa@example.com');
    expect(within(withoutMfa).getByText('Refused')).toBeTruthy();
    expect(
      within(withoutMfa).getByText(
        'They had no authenticator app set up, which admin actions need.',
      ),
    ).toBeTruthy();
  });

  it('shows a code it has no words for as the code', async () => {
    await renderAudit(() => ({
      entries: [entry({ outcome: 'failure', error: 'SomethingNewException' })],
      nextCursor: null,
    }));
    const row = await rowOf('ada@example.com');
    expect(within(row).getByText('Failed')).toBeTruthy();
    expect(within(row).getByText('Error code: SomethingNewException')).toBeTruthy();
  });

  it('names the action and the announcement as recorded', async () => {
    await renderAudit(() => ({
      entries: [entry({ action: 'deleteAnnouncement', target: 'Maintenance (01jc00000000)' })],
      nextCursor: null,
    }));
    const row = await rowOf('Maintenance (01jc00000000)');
    expect(within(row).getByRole('cell', { name: 'Delete an announcement' })).toBeTruthy();
  });
});

describe('filters and pages', () => {
  it('reads the log again with the actor and action chosen, and can clear them', async () => {
    const { user, calls } = await renderAudit(({ query }) => ({
      entries: query?.action || query?.actor ? [] : [entry()],
      nextCursor: null,
    }));
    await rowOf('ada@example.com');

    await user.type(screen.getByRole('textbox', { name: /^Actor/ }), ' ops@example.com ');
    await user.click(screen.getByRole('button', { name: /^Action/ }));
    await user.click(await screen.findByRole('option', { name: 'Disable a user' }));
    await user.click(screen.getByRole('button', { name: 'Filter' }));

    expect(await screen.findByText('No admin action matches these filters.')).toBeTruthy();
    expect(queries(calls).at(-1)).toEqual({
      limit: 25,
      actor: 'ops@example.com',
      action: 'disableUser',
    });

    const clear = screen.getAllByRole('button', { name: 'Clear filters' });
    await user.click(clear[clear.length - 1]!);
    expect(await rowOf('ada@example.com')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: /^Actor/ }) as HTMLInputElement).value).toBe('');
  });

  it('shows one import or bulk action named in the address, until that filter is removed', async () => {
    const batch = '0b5e8a4c-6f3d-4c1e-9a7b-2d4f6e8a0c1e';
    const { user, calls } = await renderAudit(
      ({ query }) => ({
        entries: [entry({ target: query?.batch ? 'in-run@example.com' : 'anyone@example.com' })],
        nextCursor: null,
      }),
      `/admin/audit?batch=${batch}`,
    );
    await rowOf('in-run@example.com');
    expect(queries(calls)).toEqual([{ limit: 25, batch }]);
    expect(screen.getByText('This import or bulk action')).toBeTruthy();

    await user.click(
      screen.getByRole('button', { name: 'Remove the filter “This import or bulk action”' }),
    );
    expect(await rowOf('anyone@example.com')).toBeTruthy();
    expect(queries(calls).at(-1)).toEqual({ limit: 25 });
    expect(screen.queryByText('This import or bulk action')).toBeNull();
  });

  it('ignores a batch in the address that is no run’s id, rather than ask for a 400', async () => {
    const { calls } = await renderAudit(
      () => ({ entries: [entry()], nextCursor: null }),
      '/admin/audit?batch=not-a-uuid',
    );
    await rowOf('ada@example.com');
    expect(queries(calls)).toEqual([{ limit: 25 }]);
    expect(screen.queryByText('This import or bulk action')).toBeNull();
  });

  it('says so when nothing has been recorded', async () => {
    await renderAudit(() => ({ entries: [], nextCursor: null }));
    expect(await screen.findByText('No admin actions recorded yet.')).toBeTruthy();
  });

  it('pages on with the API’s cursor and back', async () => {
    const { user, calls } = await renderAudit(({ query }) =>
      query?.cursor === 'page-2'
        ? { entries: [entry({ target: 'second@example.com' })], nextCursor: null }
        : { entries: [entry({ target: 'first@example.com' })], nextCursor: 'page-2' },
    );
    await rowOf('first@example.com');
    expect(log().getAttribute('aria-label')).toBe('Admin actions, newest first, page 1');

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await rowOf('second@example.com');
    expect(queries(calls).at(-1)).toEqual({ limit: 25, cursor: 'page-2' });
    expect(log().getAttribute('aria-label')).toBe('Admin actions, newest first, page 2');
    expect(screen.getByRole('button', { name: 'Next page' }).getAttribute('aria-disabled')).toBe(
      'true',
    );

    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await rowOf('first@example.com')).toBeTruthy();
  });
});
