import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { GROUPS } from '@contract';
import { seriousViolations } from './fixtures/axe';
import { SEEDED_USERS } from './fixtures/environment';
import { expect, test } from './fixtures/test';

test('Users → Export downloads every user matching the filter, with their groups, as CSV', async ({
  app,
  admin,
  operator,
}) => {
  const prefix = `export-${Date.now()}`;
  const people = [
    { email: `${prefix}-a@example.com`, groups: [GROUPS.general.name] },
    { email: `${prefix}-b@example.com`, groups: [GROUPS.helpdesk.name, GROUPS.general.name] },
  ];
  for (const person of people) {
    await operator.createUser({ ...person, password: 'Export-Passw0rd!' });
  }
  await app.goto('/admin/users');
  await app.signedInAs(admin);
  await app.filterUsers(prefix);

  await app.page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Export users' });
  await expect(dialog).toBeVisible();
  expect(await seriousViolations(app.page, '[role="dialog"]'), 'export dialog').toEqual([]);
  const download = app.page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Start export' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^users-\d{4}-\d\d-\d\dT\d\d-\d\d\.csv$/);
  await expect(dialog.getByText('Users exported: 2')).toBeVisible();
  expect(await seriousViolations(app.page, '[role="dialog"]'), 'export dialog, done').toEqual([]);

  const { data } = Papa.parse<Record<string, string>>(await readFile(await file.path(), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  // ListUsers promises no order: compare by address.
  const rows = [...data]
    .sort((a, b) => a.email!.localeCompare(b.email!))
    .map((row) => ({
      email: row.email,
      groups: (row.groups ?? '').split(';').sort(),
      enabled: row.enabled,
    }));
  expect(rows).toEqual(
    people.map((person) => ({
      email: person.email,
      groups: [...person.groups].sort(),
      enabled: 'true',
    })),
  );
  // The filter held: nobody else is in the file.
  expect(data.map((row) => row.email)).not.toContain(SEEDED_USERS.user.email);
});

test('Export follows a group filter too: only that group’s members matching the prefix', async ({
  app,
  admin,
  operator,
}) => {
  const prefix = `export-group-${Date.now()}`;
  const inHelpdesk = { email: `${prefix}-a@example.com`, groups: [GROUPS.helpdesk.name] };
  const notInHelpdesk = { email: `${prefix}-b@example.com`, groups: [GROUPS.general.name] };
  for (const person of [inHelpdesk, notInHelpdesk]) {
    await operator.createUser({ ...person, password: 'Export-Passw0rd!' });
  }
  await app.goto('/admin/users');
  await app.signedInAs(admin);
  await app.filterUsers(prefix);
  // ListUsersInGroup takes no filter: the prefix is applied to each page of the members, so
  // the list on screen may be spread over short pages; the export follows every one.
  await app.choose('Group', GROUPS.helpdesk.name);

  await app.page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Export users' });
  await expect(dialog.getByRole('listitem')).toHaveText([
    `Email starts with “${prefix}”`,
    `In the group ${GROUPS.helpdesk.name}`,
  ]);
  const download = app.page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Start export' }).click();
  const file = await download;
  await expect(dialog.getByText('Users exported: 1')).toBeVisible();

  const { data } = Papa.parse<Record<string, string>>(await readFile(await file.path(), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  expect(data.map((row) => [row.email, row.groups])).toEqual([
    [inHelpdesk.email, GROUPS.helpdesk.name],
  ]);
});
