import type { Page } from '@playwright/test';
import { nextTotpCode } from '../infra/local/testing/totp';
import { seriousViolations } from './fixtures/axe';
import { SEEDED_USERS } from './fixtures/environment';
import { expect, test } from './fixtures/test';
import { openUser } from './fixtures/people';
import { ConsolePage } from './pages/console-page';

/**
 * Opens a screen as the console's own links do (the router, no page load), and waits until
 * that screen's heading has replaced the last one: a reload per screen would only measure the
 * session's restore again.
 */
async function openInApp(page: Page, path: string): Promise<void> {
  const before = await page.title();
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await expect(page).toHaveURL(new RegExp(`${path.replace(/\//g, '\\/')}$`));
  if (path !== '/') await expect(page).not.toHaveTitle(before);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

const SCREENS: Array<[string, string]> = [
  ['Home', '/'],
  ['Profile', '/profile'],
  ['Change password', '/profile/password'],
  ['Security', '/profile/security'],
  ['Access', '/access'],
  ['Users', '/admin/users'],
  ['Groups', '/admin/groups'],
  ['Group members', '/admin/groups/admin'],
  ['Announcements', '/admin/announcements'],
  ['Audit log', '/admin/audit'],
];

/*
 * Each language and each viewport at least once: English on a laptop in light mode,
 * Japanese on a phone in dark mode (the longest words, the narrowest screen, the other
 * palette). Every screen in both.
 */
const LOOKS = [
  {
    name: 'laptop, English, light',
    language: 'en',
    viewport: { width: 1440, height: 900 },
    mode: 'light',
  },
  {
    name: 'phone, Japanese, dark',
    language: 'ja',
    viewport: { width: 390, height: 844 },
    mode: 'dark',
  },
] as const;

for (const look of LOOKS) {
  test.describe(look.name, () => {
    test.use({ viewport: look.viewport });

    test('every screen has no serious accessibility violation (axe)', async ({ page, admin }) => {
      await page.addInitScript(
        ([language, mode]) => {
          localStorage.setItem('console.language', language);
          localStorage.setItem('console.visualMode', mode);
        },
        [look.language, look.mode] as const,
      );
      const app = new ConsolePage(page);
      await app.goto('/sign-in');
      await expect(page.locator('h1')).toBeVisible();
      expect(await seriousViolations(page), 'sign-in').toEqual([]);
      await page.locator('input[name="email"]').fill(admin.email);
      await page.locator('input[name="password"]').fill(admin.password);
      await page.locator('button[type="submit"]').click();
      // The code step of a sign-in with an authenticator app is a screen too.
      const code = page.locator('input[autocomplete="one-time-code"]');
      await expect(code).toBeVisible();
      expect(await seriousViolations(page), 'sign-in code').toEqual([]);
      await code.fill(await nextTotpCode(admin.totpSecret));
      await page.locator('button[type="submit"]').click();
      await expect(page).toHaveURL(/\/$/);
      for (const [name, path] of SCREENS) {
        await openInApp(page, path);
        await page.waitForLoadState('networkidle');
        expect(await seriousViolations(page), name).toEqual([]);
      }
      await openInApp(page, '/admin/users');
      // Other tests add users all the time: filter to the one whose page is checked.
      await page.getByRole('searchbox').fill(SEEDED_USERS.user.email);
      await page.getByRole('link', { name: SEEDED_USERS.user.email }).first().click();
      await expect(
        page.getByRole('heading', { level: 1, name: SEEDED_USERS.user.email }),
      ).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect(await seriousViolations(page), 'user page').toEqual([]);
    });
  });
}

test('the keyboard reaches every action; a dialog takes focus and gives it back', async ({
  app,
  admin,
  operator,
}) => {
  const email = `keyboard-${Date.now()}@example.com`;
  await operator.createUser({ email, password: 'Keyboard-Passw0rd!', groups: ['general'] });
  await app.goto('/admin/users');
  await app.signedInAs(admin);
  await openUser(app, email);

  // On a page's first load the first Tab stop is the skip link, and it lands on the screen.
  await app.page.reload();
  await expect(app.heading(email)).toBeVisible();
  await app.page.keyboard.press('Tab');
  const skip = app.page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await app.page.keyboard.press('Enter');
  await expect(app.page.locator('#main-content')).toBeFocused();

  // Actions → Disable user, by keyboard alone; the question takes focus.
  const actions = app.page.getByRole('button', { name: 'Actions', exact: true });
  await actions.focus();
  await app.page.keyboard.press('Enter');
  await expect(app.page.getByRole('menuitem', { name: 'Disable user' })).toBeVisible();
  await app.page.keyboard.press('Enter');
  const dialog = app.page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect
    .poll(() => dialog.evaluate((node) => node.contains(document.activeElement)))
    .toBe(true);

  // Escape closes it without acting, and focus is back where it was.
  await app.page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(actions).toBeFocused();
  await expect(app.flash(`${email} is disabled.`)).toHaveCount(0);
});
