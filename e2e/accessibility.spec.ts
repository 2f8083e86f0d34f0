import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SEEDED_USERS } from './fixtures/environment';
import { expect, test } from './fixtures/test';

/** Violations axe rates serious or critical: what keeps someone from using a screen. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('every screen has no serious accessibility violation (axe)', async ({ app }) => {
  await app.goto('/');
  expect(await seriousViolations(app.page), 'sign-in').toEqual([]);
  await app.signedInAs(SEEDED_USERS.admin);
  const screens: Array<[string, string]> = [
    ['Home', '/'],
    ['Profile', '/profile'],
    ['Access', '/access'],
    ['Users', '/admin/users'],
    ['Groups', '/admin/groups'],
    ['Announcements', '/admin/announcements'],
    ['Audit log', '/admin/audit'],
  ];
  for (const [name, path] of screens) {
    await app.goto(path);
    await expect(app.heading(name)).toBeVisible();
    expect(await seriousViolations(app.page), name).toEqual([]);
  }
  await app.goto('/admin/users');
  await app.usersTable().getByRole('link', { name: SEEDED_USERS.user.email }).click();
  await expect(app.heading(SEEDED_USERS.user.email)).toBeVisible();
  expect(await seriousViolations(app.page), 'user page').toEqual([]);
});
