// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SigningFetch } from '../../api/signing-fetch';
import { DRY_RUN_HEADER, ROUTES, routesOf } from '@contract';
import { refusal } from '../../testing/fake-api';
import { TEST_CONFIG, renderScreen, type ScreenOptions } from '../../testing/render-screen';
import AccessPage from './AccessPage';

const ADMIN_ROUTES = routesOf('admin');
const STAGE = new URL(TEST_CONFIG.adminApiUrl).pathname;
/** IAM's words for a role that may not invoke `method path`. */
const denial = (method: string, path: string) =>
  `User: arn:aws:sts::000000000000:assumed-role/ConsoleGeneralRole/CognitoIdentityCredentials is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:ap-northeast-1:000000000000:abc123${STAGE}/${method}${path}`;

/** The admin API as a role that may read but not change sees it: reads pass, changes are denied. */
function readOnlyRole(unreachable?: string) {
  const sent: Array<{ method: string; path: string; dryRun: string | null }> = [];
  const signedFetch: SigningFetch = async (input, init = {}) => {
    const url = new URL(input);
    const method = init.method ?? 'GET';
    const path = url.pathname.slice(STAGE.length);
    sent.push({
      method,
      path: url.pathname,
      dryRun: new Headers(init.headers).get(DRY_RUN_HEADER),
    });
    if (path === unreachable) throw new TypeError('Failed to fetch');
    if (method === 'GET') return new Response(null, { status: 204 });
    return new Response(JSON.stringify({ Message: denial(method, path) }), {
      status: 403,
      headers: { 'x-amzn-ErrorType': 'AccessDeniedException' },
    });
  };
  return { sent, signedFetch };
}

const whoami = () => ({
  identityId: 'ap-northeast-1:11111111-1111-4111-8111-111111111111',
  callerArn: 'arn:aws:sts::000000000000:assumed-role/ConsoleGeneralRole/CognitoIdentityCredentials',
  accessKeyId: 'ASIAEXAMPLE',
  username: 'u-ada',
  sourceIp: '127.0.0.1',
  credentialExpiry: null,
});

async function renderAccess(
  signedFetch: SigningFetch,
  routes: ScreenOptions['routes'] = { whoami },
) {
  const rendered = await renderScreen(<AccessPage />, {
    routes,
    signedFetch,
    session: { email: 'ada@example.com', groups: ['general'] },
  });
  await screen.findByRole('table', { name: 'Admin routes and whether your role may call them' });
  return rendered;
}

const rowOf = (table: RegExp, label: string) =>
  within(screen.getByRole('table', { name: table })).getByRole('row', {
    name: new RegExp(`^${label} `),
  });
/** A route's row in the probe's table. */
const probeRow = (label: string) => rowOf(/^Admin routes/, label);
/** A route's row among the API's answers, folded away under the table. */
const answerRow = (label: string) => rowOf(/^The API’s answer on each admin route/, label);
const answersToggle = () =>
  screen.getByRole('button', { name: /^The API’s answer on each route it did not allow/ });

afterEach(cleanup);

describe('The access probe', () => {
  it('asks every admin route with a signed dry run, and shows each outcome', async () => {
    const { sent, signedFetch } = readOnlyRole();
    await renderAccess(signedFetch);

    const reads = ADMIN_ROUTES.filter(([, route]) => route.method === 'GET').length;
    expect(
      screen.getByText(`Allowed ${reads} of ${ADMIN_ROUTES.length} admin routes.`),
    ).toBeTruthy();
    expect(sent).toHaveLength(ADMIN_ROUTES.length);
    expect(sent.every((request) => request.dryRun === 'true')).toBe(true);
    expect(sent.every(({ path }) => path.startsWith(`${STAGE}/`))).toBe(true);

    const listUsers = probeRow('List users');
    expect(within(listUsers).getByText(`GET ${ROUTES.listUsers.path}`)).toBeTruthy();
    expect(within(listUsers).getByRole('cell', { name: 'Allowed' })).toBeTruthy();
    const invite = probeRow('Invite a user');
    expect(within(invite).getByRole('cell', { name: 'Denied' })).toBeTruthy();
  });

  it('explains a denial once above the table, and folds away the API’s own words on each route', async () => {
    const { user } = await renderAccess(readOnlyRole().signedFetch);
    const advice = screen.getAllByText(/^Your IAM role may not call this route\./);
    expect(advice).toHaveLength(1);
    expect(answersToggle().getAttribute('aria-expanded')).toBe('false');
    await user.click(answersToggle());
    expect(answersToggle().getAttribute('aria-expanded')).toBe('true');
    const path = ROUTES.removeUserFromGroup.path.replace(/\{\w+\}/g, (param) =>
      param === '{group}' ? 'admin' : 'probe',
    );
    expect(
      within(answerRow('Remove from a group')).getByRole('cell', {
        name: denial('DELETE', path),
      }),
    ).toBeTruthy();
    // Only refused routes have an answer to read.
    expect(
      within(screen.getByRole('table', { name: /^The API’s answer/ })).queryByRole('row', {
        name: /^List users /,
      }),
    ).toBeNull();
  });

  it('says which route it could not check, and why', async () => {
    await renderAccess(readOnlyRole(ROUTES.listAudit.path).signedFetch);
    const audit = probeRow('Read the audit log');
    expect(within(audit).getByRole('cell', { name: 'Could not check' })).toBeTruthy();
    expect(
      within(answerRow('Read the audit log')).getByRole('cell', {
        name: 'Could not reach the API. Check your connection and try again.',
      }),
    ).toBeTruthy();
  });

  it('asks again on “Check again”', async () => {
    const { sent, signedFetch } = readOnlyRole();
    const { user } = await renderAccess(signedFetch);
    await user.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(sent).toHaveLength(2 * ADMIN_ROUTES.length));
    expect(await screen.findByRole('button', { name: 'Check again' })).toBeTruthy();
  });

  it('words the outcomes so they never break mid-word (“Allowe/d”)', async () => {
    await renderAccess(readOnlyRole().signedFetch);
    const allowed = within(probeRow('List users')).getByText('Allowed');
    // The status indicator keeps to one line: the column is never narrower than its word.
    expect(allowed.closest('td')?.style.minWidth).toBe('160px');
  });
});

describe('The Access screen outside the admin group', () => {
  /** The admin API as a role outside the admin group meets it: every route refused by IAM. */
  const refuseAll: SigningFetch = async (input, init = {}) => {
    const method = init.method ?? 'GET';
    const path = new URL(input).pathname.slice(STAGE.length);
    return new Response(JSON.stringify({ Message: denial(method, path) }), {
      status: 403,
      headers: { 'x-amzn-ErrorType': 'AccessDeniedException' },
    });
  };
  const refusedWhoami = async () => {
    throw await refusal(403, 'AccessDeniedException', denial('GET', ROUTES.whoami.path));
  };

  it('is calm: the expected refusal is a notice, IAM’s words once, each route’s answer folded away', async () => {
    await renderAccess(refuseAll, { whoami: refusedWhoami });
    const probe = screen.getByRole('region', { name: 'What you may call' });
    const adminRoutes = routesOf('admin').length;
    expect(within(probe).getByText(`Allowed 0 of ${adminRoutes} admin routes.`)).toBeTruthy();
    // No error, and nothing to try again: this is the answer for this role.
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();

    const apiSees = screen.getByRole('region', { name: 'What the admin API sees' });
    const notice = within(apiSees).getByRole('status');
    expect(notice.textContent).toContain(
      'The admin API does not let your role in, so it cannot say who you are.',
    );
    expect(notice.textContent).toContain(denial('GET', ROUTES.whoami.path));
    expect(screen.getAllByText(/^Your IAM role may not call this route\./)).toHaveLength(1);

    // Every route's IAM sentence is there to read, but folded away.
    expect(answersToggle().getAttribute('aria-expanded')).toBe('false');
    const answers = screen.getByRole('table', { name: /^The API’s answer/ });
    expect(within(answers).getAllByText(/is not authorized to perform/)).toHaveLength(
      ADMIN_ROUTES.length,
    );
    expect(screen.getAllByText(/is not authorized to perform/)).toHaveLength(
      ADMIN_ROUTES.length + 1,
    );
    expect(within(probeRow('List users')).getByRole('cell', { name: 'Denied' })).toBeTruthy();
  });
});
