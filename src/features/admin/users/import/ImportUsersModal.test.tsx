// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import type { InviteUserBody, inviteUserBody, UserDetail } from '@contract';
import { decodeApiError } from '../../../../api/api-error';
import { downloadFile } from '../../../../ui/download-file';
import { person } from '../../../../testing/people';
import { renderScreen } from '../../../../testing/render-screen';
import ImportUsersModal from './ImportUsersModal';

vi.mock('../../../../ui/download-file', () => ({ downloadFile: vi.fn() }));
const downloads = vi.mocked(downloadFile);

/** An answer of the admin API with its error body, as the handler writes it. */
const refused = (status: number, code: string, message: string) =>
  decodeApiError(
    new Response(JSON.stringify({ message, code }), {
      status,
      headers: { 'content-type': 'application/json' },
    }),
  );

const FILE = [
  'email,groups,name',
  'ada@example.com,admin;general,Ada',
  'not-an-address,general,',
  'taken@example.com,general,',
  'grace@example.com,,Grace',
  'ada@example.com,general,',
  'boss@example.com,general,',
].join('\n');

/** The pool as the handler answers an invitation: one address taken, one user outranking. */
async function invite({ body }: { body: z.input<typeof inviteUserBody> }): Promise<UserDetail> {
  if (body.email === 'taken@example.com') {
    throw await refused(
      409,
      'UsernameExistsException',
      'A user with this e-mail address already exists.',
    );
  }
  if (body.email === 'boss@example.com') {
    throw await refused(403, 'Forbidden', 'Not today.');
  }
  return { ...person(body.email.split('@')[0]!), groups: body.groups ?? [] };
}

async function openWithFile(text = FILE) {
  const onClose = vi.fn();
  const rendered = await renderScreen(<ImportUsersModal onClose={onClose} />, {
    routes: { inviteUser: invite },
  });
  const dialog = within(await screen.findByRole('dialog'));
  const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
  // jsdom's File has no `text()`, which every browser's has.
  const file = Object.assign(new File([text], 'people.csv', { type: 'text/csv' }), {
    text: () => Promise.resolve(text),
  });
  await rendered.user.upload(input, file);
  return { ...rendered, dialog, onClose };
}

beforeEach(() => downloads.mockReset());
afterEach(cleanup);

describe('Import users', () => {
  it('shows the rows with problems before anything is sent', async () => {
    const { dialog, calls } = await openWithFile();
    await dialog.findByText('6 rows: 4 ready to invite, 2 with problems (those are not sent).');
    const table = within(dialog.getByRole('table', { name: 'Rows of the file' }));
    expect(table.getByText('“not-an-address” is not an email address.')).toBeTruthy();
    expect(table.getByText('The same address as row 2.')).toBeTruthy();
    expect(calls).toEqual([]);
    expect(dialog.getByRole('button', { name: 'Invite 4 users' })).toBeTruthy();
  });

  it('invites each valid row once under one import id, and ends every row with its result', async () => {
    const { user, dialog, calls } = await openWithFile();
    await user.click(await dialog.findByRole('button', { name: 'Invite 4 users' }));
    await dialog.findByText('Import finished: 2 users invited.', { exact: false });
    // The button pressed is gone: focus is on Close, not lost behind the dialog.
    expect(document.activeElement?.textContent).toBe('Close');

    const invites = calls.filter((call) => call.route === 'inviteUser');
    expect(
      invites.map((call) => (call.input as { body: InviteUserBody }).body.email).sort(),
    ).toEqual(['ada@example.com', 'boss@example.com', 'grace@example.com', 'taken@example.com']);
    const [batch] = new Set(invites.map((call) => call.batch));
    expect(batch).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(invites.map((call) => call.batch)).size).toBe(1);
    expect(
      dialog.getByText('Invited: 2 · Already existed: 1 · Refused: 1 · Not sent: 2 · Left: 0'),
    ).toBeTruthy();
    expect(
      dialog.getByRole('link', { name: 'See these in the audit log' }).getAttribute('href'),
    ).toBe(`/admin/audit?batch=${batch}`);

    await user.click(dialog.getByRole('button', { name: 'Download results' }));
    await vi.waitFor(() => expect(downloads).toHaveBeenCalledTimes(1));
    const [filename, text] = downloads.mock.calls[0]!;
    expect(filename).toMatch(/^import-results-.*\.csv$/);
    const { data } = Papa.parse<Record<string, string>>(text, {
      header: true,
      skipEmptyLines: true,
    });
    expect(data.map((row) => [row.row, row.email, row.result])).toEqual([
      ['2', 'ada@example.com', 'invited'],
      ['3', 'not-an-address', 'not_sent'],
      ['4', 'taken@example.com', 'already_exists'],
      ['5', 'grace@example.com', 'invited'],
      ['6', 'ada@example.com', 'not_sent'],
      ['7', 'boss@example.com', 'refused'],
    ]);
    expect(data[1]!.detail).toBe('“not-an-address” is not an email address.');
    expect(data[5]!.detail).toBe('Not today.');
  });

  it('says why a file cannot be used, next to the field, and offers nothing to send', async () => {
    const { dialog } = await openWithFile('name,groups\nAda,general\n');
    await dialog.findByText('The header row has no “email” column.');
    expect(dialog.getByRole('button', { name: /^Invite/ }).hasAttribute('disabled')).toBe(true);
  });
});
