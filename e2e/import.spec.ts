import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { GROUPS, type UserSummary } from '@contract';
import type { RouteCaller } from '../src/api/route-caller';
import { allAuditEntries } from './fixtures/audit-entries';
import { seriousViolations } from './fixtures/axe';
import { expect, test } from './fixtures/test';

/** Rows the preview must refuse, each for its own reason. */
const BAD_ROWS = (prefix: string) => [
  ['not-an-address', 'general', ''],
  ['', 'general', 'Nobody'],
  [`${prefix}-bad-group@example.com`, 'admins', ''],
  [`${prefix}-long-name@example.com`, '', 'n'.repeat(61)],
  [`${prefix}-new-000@example.com`, 'general', 'Listed twice'],
];

/** Every page of the users whose address starts with `prefix`, through the admin API. */
async function usersStartingWith(
  api: RouteCaller<'admin'>,
  prefix: string,
): Promise<UserSummary[]> {
  const users: UserSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await api('listUsers', {
      query: {
        attribute: 'email',
        match: 'prefix',
        value: prefix,
        limit: 60,
        ...(cursor ? { cursor } : {}),
      },
    });
    users.push(...page.users);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return users;
}

test('Users → Import invites 192 of 200 rows against a throttling pool, with per-row results', async ({
  app,
  admin,
  operator,
}) => {
  test.slow();
  const prefix = `import-${Date.now()}`;
  const existing = [0, 1, 2].map((n) => `${prefix}-old-${n}@example.com`);
  for (const email of existing) {
    await operator.createUser({
      email,
      password: 'Import-Passw0rd!',
      groups: [GROUPS.general.name],
    });
  }
  const fresh = Array.from({ length: 192 }, (_, n) => {
    const email = `${prefix}-new-${String(n).padStart(3, '0')}@example.com`;
    const groups =
      n % 3 === 0 ? [GROUPS.helpdesk.name, GROUPS.general.name] : [GROUPS.general.name];
    return { email, groups, name: `Person ${n}` };
  });
  const rows = [
    ...fresh.map((p) => [p.email, p.groups.join(';'), p.name]),
    ...existing.map((email) => [email, 'general', '']),
    ...BAD_ROWS(prefix),
  ];
  const csv = Papa.unparse({ fields: ['email', 'groups', 'name'], data: rows });

  // Cognito's AdminCreateUser quota, lowered so that four invitations at a time exceed it.
  await operator.setQuotas({ UserCreation: 8 });
  try {
    await app.goto('/admin/users');
    await app.signedInAs(admin);
    await app.page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Import users' });
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'people.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await expect(
      dialog.getByText('200 rows: 195 ready to invite, 5 with problems (those are not sent).'),
    ).toBeVisible();
    const preview = dialog.getByRole('table', { name: 'Rows of the file' });
    for (const problem of [
      '“not-an-address” is not an email address.',
      'No email address.',
      'No group is named “admins” (groups: admin, helpdesk, general).',
      'The name is 61 characters long; at most 60.',
      'The same address as row 2.',
    ]) {
      await expect(preview.getByText(problem)).toBeVisible();
    }
    expect(await seriousViolations(app.page, '[role="dialog"]'), 'import preview').toEqual([]);

    await dialog.getByRole('button', { name: 'Invite 195 users' }).click();
    await expect(dialog.getByText('Import finished: 192 users invited.')).toBeVisible({
      timeout: 120_000,
    });
    await expect(
      dialog.getByText('Invited: 192 · Already existed: 3 · Refused: 0 · Not sent: 5 · Left: 0'),
    ).toBeVisible();
    expect(await seriousViolations(app.page, '[role="dialog"]'), 'import results').toEqual([]);

    const download = app.page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download results' }).click();
    const file = await download;
    const { data } = Papa.parse<Record<string, string>>(await readFile(await file.path(), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    const resultOf = new Map(data.map((row) => [`${row.row}`, row.result]));
    expect(data).toHaveLength(200);
    expect(data.filter((row) => row.result === 'invited')).toHaveLength(192);
    expect(data.filter((row) => row.result === 'already_exists').map((row) => row.email)).toEqual(
      existing,
    );
    expect(data.filter((row) => row.result === 'not_sent')).toHaveLength(5);
    expect(resultOf.get('2')).toBe('invited');

    // The audit log, filtered to this import from the dialog's link.
    const auditLink = dialog.getByRole('link', { name: 'See these in the audit log' });
    const batch = new URL((await auditLink.getAttribute('href'))!, 'http://x').searchParams.get(
      'batch',
    )!;
    const api = await operator.adminClient();
    const entries = await allAuditEntries(api, { batch });
    const invited = entries.filter((e) => e.action === 'inviteUser' && e.outcome === 'success');
    expect(invited).toHaveLength(192);
    expect(new Set(invited.map((e) => e.target)).size).toBe(192);
    expect(
      entries
        .filter((e) => e.error === 'UsernameExistsException')
        .map((e) => e.target)
        .sort(),
    ).toEqual(existing);
    // The pool did throttle: some invitations were refused by Cognito and tried again.
    expect(entries.some((e) => e.error === 'TooManyRequestsException')).toBe(true);

    // No one twice, everyone with their groups: the pool, and an export of it.
    const users = await usersStartingWith(api, prefix);
    expect(users).toHaveLength(195);
    // The file's names became Cognito's `name` attribute.
    const named = new Map(users.map((user) => [user.email, user.name]));
    for (const person of fresh) expect(named.get(person.email), person.email).toBe(person.name);
    await app.page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await app.filterUsers(prefix);
    await app.page.getByRole('button', { name: 'Export', exact: true }).click();
    const exportDialog = app.page.getByRole('dialog', { name: 'Export users' });
    const exported = app.page.waitForEvent('download');
    await exportDialog.getByRole('button', { name: 'Start export' }).click();
    const exportRows = Papa.parse<Record<string, string>>(
      await readFile(await (await exported).path(), 'utf8'),
      { header: true, skipEmptyLines: true },
    ).data;
    const groupsOf = new Map(
      exportRows.map((row) => [row.email, (row.groups ?? '').split(';').sort().join(';')]),
    );
    expect(groupsOf.size).toBe(195);
    for (const person of fresh) {
      expect(groupsOf.get(person.email), person.email).toBe([...person.groups].sort().join(';'));
    }
    for (const email of existing) expect(groupsOf.get(email)).toBe('general');
  } finally {
    await operator.resetQuotas();
  }
});
