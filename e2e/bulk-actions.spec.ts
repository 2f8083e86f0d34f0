import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { GROUPS } from '@contract';
import { seriousViolations } from './fixtures/axe';
import { expect, test } from './fixtures/test';

test('Users → 20 selected → Disable users: 20 results, all disabled, 20 audit entries under the run', async ({
  app,
  admin,
  operator,
}) => {
  // Twenty users to create, then twenty signed calls four at a time within the pool's quota.
  test.slow();
  const prefix = `bulk-${Date.now()}`;
  const emails = Array.from(
    { length: 20 },
    (_, i) => `${prefix}-${String(i).padStart(2, '0')}@example.com`,
  );
  for (const email of emails) {
    await operator.createUser({ email, password: 'Bulk-Passw0rd!', groups: [GROUPS.general.name] });
  }
  await app.goto('/admin/users');
  await app.signedInAs(admin);
  // A page holds 20 users: with the filter, exactly these, all on page 1.
  await app.filterUsers(prefix);
  const table = app.usersTable();
  await expect(table.getByRole('rowheader')).toHaveCount(20);

  await table.getByRole('checkbox', { name: 'Select every user on this page' }).check();
  await expect(app.page.getByRole('heading', { name: 'Users (20 selected)' })).toBeVisible();
  await app.chooseAction('Disable users');
  const dialog = app.page.getByRole('dialog', { name: 'Disable users' });
  await expect(dialog).toContainText(
    'Disable 20 users? They cannot sign in until they are enabled again.',
  );
  expect(await seriousViolations(app.page, '[role="dialog"]'), 'bulk dialog').toEqual([]);

  await dialog.getByRole('button', { name: 'Disable 20 users' }).click();
  // Download and Close come once every user has a result.
  await expect(dialog.getByRole('button', { name: 'Download results' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(dialog.getByText('Disabled: 20 · Failed: 0 · Not sent: 0')).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Results (20)' })).toBeVisible();
  expect(await seriousViolations(app.page, '[role="dialog"]'), 'bulk dialog, done').toEqual([]);

  // The results file has every user, each disabled.
  const download = app.page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download results' }).click();
  const file = await download;
  const { data } = Papa.parse<Record<string, string>>(
    (await readFile(await file.path(), 'utf8')).replace(/^\uFEFF/, ''),
    { header: true, skipEmptyLines: true },
  );
  expect(data.map((row) => row.email).sort()).toEqual(emails);
  for (const row of data) {
    expect(row).toEqual({
      email: row.email,
      action: 'disableUser',
      result: 'done',
      detail: 'Disabled',
    });
  }

  // The pool agrees: all twenty are disabled.
  const api = await operator.adminClient();
  const { users } = await api('listUsers', {
    query: { attribute: 'email', match: 'prefix', value: prefix, limit: 60 },
  });
  expect(users.map((user) => [user.email, user.enabled]).sort()).toEqual(
    emails.map((email) => [email, false]),
  );

  // The audit log, filtered to this run, has the twenty disables and nothing else.
  await dialog.getByRole('link', { name: 'See these in the audit log' }).click();
  await expect(app.heading('Audit log')).toBeVisible();
  await expect(app.page.getByText('This import or bulk action')).toBeVisible();
  const log = app.page.getByRole('table', { name: /^Admin actions, newest first/ });
  const entries = log.getByRole('row').filter({ has: app.page.getByRole('cell') });
  await expect(entries).toHaveCount(20);
  await expect(
    entries.filter({ hasText: 'Disable a user' }).filter({ hasText: prefix }),
  ).toHaveCount(20);
  await expect(entries.filter({ hasText: 'Succeeded' })).toHaveCount(20);
});
