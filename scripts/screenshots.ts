/**
 * `npm run screenshots`: every screen of the console as a reviewer would look at it — laptop
 * (1440 px) and phone (390 px), English and Japanese, light and dark — signed in as the
 * seeded administrator against a throwaway local stack serving the production build.
 * Written to `screenshots/` (git-ignored), named screen-viewport-language-mode.png.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import { ROUTES, routePath, type RouteName } from '@contract';
import { callAdmin } from '../infra/local/testing/callers';
import { createMfaAdmin } from '../infra/local/testing/mfa-admin';
import { nextTotpCode } from '../infra/local/testing/totp';
import { startPreviewConsole } from '../infra/local/testing/preview-console';
import type { TestStack } from '../infra/local/testing/test-stack';
import { en } from '../src/i18n/en';
import { ja } from '../src/i18n/ja';

const MESSAGES = { en, ja };

const OUT = resolve('screenshots');
const VIEWPORTS = { laptop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };
const LANGUAGES = ['en', 'ja'] as const;
const MODES = ['light', 'dark'] as const;

/**
 * `npm run screenshots -- users access` shoots only those screens (and sign-in, and the
 * switch to the admin role: its guard, dialog and sign-in).
 */
const only = process.argv.slice(2);

/** Each screen: how to reach it from a signed-in Home, and what shows it has loaded. */
const SCREENS: {
  name: string;
  open(page: Page, language: (typeof LANGUAGES)[number]): Promise<void>;
}[] = [
  { name: 'home', open: (page) => page.goto('/').then(() => undefined) },
  { name: 'profile', open: (page) => page.goto('/profile').then(() => undefined) },
  { name: 'change-password', open: (page) => page.goto('/profile/password').then(() => undefined) },
  { name: 'security', open: (page) => page.goto('/profile/security').then(() => undefined) },
  { name: 'access', open: (page) => page.goto('/access').then(() => undefined) },
  { name: 'users', open: (page) => page.goto('/admin/users').then(() => undefined) },
  {
    name: 'user',
    open: async (page) => {
      await page.goto('/admin/users');
      await page.getByRole('link', { name: 'user@example.com' }).first().click();
    },
  },
  { name: 'groups', open: (page) => page.goto('/admin/groups').then(() => undefined) },
  { name: 'group-members', open: (page) => page.goto('/admin/groups/admin').then(() => undefined) },
  {
    name: 'announcements',
    open: (page) => page.goto('/admin/announcements').then(() => undefined),
  },
  { name: 'audit-log', open: (page) => page.goto('/admin/audit').then(() => undefined) },
  {
    name: 'import',
    open: async (page, language) => {
      await page.goto('/admin/users');
      await page.getByRole('button', { name: MESSAGES[language].import.open, exact: true }).click();
      await page.locator('input[type="file"]').setInputFiles({
        name: 'people.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'email,groups,name\nada@example.com,admin;general,Ada Lovelace\nnot-an-address,general,\n' +
            'grace@example.com,helpdesks,Grace Hopper\nkatherine@example.com,general,キャサリン\n',
        ),
      });
      await expect(page.getByRole('dialog').getByRole('table')).toBeVisible();
    },
  },
  {
    name: 'bulk-disable',
    open: async (page, language) => {
      const { users } = MESSAGES[language];
      await page.goto('/admin/users');
      const rows = page.getByRole('checkbox', { name: /@example\.com/ });
      await rows.nth(1).check();
      await rows.nth(2).check();
      await page.getByRole('button', { name: users.actions, exact: true }).click();
      await page.getByRole('menuitem', { name: users.bulk.disable.menu }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
    },
  },
];

/**
 * Something to look at: invitations (one refused as a duplicate, one user disabled) and two
 * announcements, each also in the audit log — through the admin API, as the admin.
 */
async function seed(stack: TestStack): Promise<void> {
  // The admin API answers only administrators with an authenticator app.
  const { caller: admin } = await createMfaAdmin(stack, {
    email: 'security-admin@example.com',
    groups: ['admin', 'general'],
  });
  const call = async (name: RouteName, params: Record<string, string>, body?: unknown) => {
    const route = ROUTES[name];
    await callAdmin(stack, admin, route.method, routePath(route, params), body);
  };
  for (const email of ['ada@example.com', 'grace@example.com', 'linus@example.com']) {
    await call('inviteUser', {}, { email, groups: ['general'] });
  }
  await call('inviteUser', {}, { email: 'user@example.com', groups: [] });
  await call('disableUser', { username: 'linus@example.com' });
  await call(
    'postAnnouncement',
    {},
    {
      title: 'Maintenance on Sunday',
      body: 'The console is read-only from 02:00 to 04:00 UTC.',
    },
  );
  await call(
    'postAnnouncement',
    {},
    {
      title: 'メンテナンスのお知らせ',
      body: '日曜日の 2 時から 4 時まで、コンソールは読み取り専用になります。',
    },
  );
}

async function shoot(page: Page, file: string): Promise<void> {
  // The screen's heading, then a quiet network: the data has arrived and been drawn.
  await expect(page.locator('h1').first()).toBeVisible({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300); // Cloudscape's entrance transitions
  await page.screenshot({ path: join(OUT, file), fullPage: true });
}

async function forEachLook(
  browser: Browser,
  baseURL: string,
  visit: (page: Page, suffix: string, language: (typeof LANGUAGES)[number]) => Promise<void>,
): Promise<void> {
  // Each look signs in afresh; visit() gets its own administrator, so codes never run out.
  for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
    for (const language of LANGUAGES) {
      for (const mode of MODES) {
        const context = await browser.newContext({ baseURL, viewport, colorScheme: mode });
        await context.addInitScript(
          ([lang, chosen]) => {
            localStorage.setItem('console.language', lang);
            localStorage.setItem('console.visualMode', chosen);
          },
          [language, mode] as const,
        );
        const page = await context.newPage();
        await visit(page, `${viewportName}-${language}-${mode}`, language);
        await context.close();
      }
    }
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const preview = await startPreviewConsole('console-screenshots');
  const { stack, spa, browser } = preview;
  await seed(stack);
  const screens = SCREENS.filter((s) => only.length === 0 || only.includes(s.name));
  let count = 0;
  try {
    await forEachLook(browser, spa.url, async (page, suffix, language) => {
      // An administrator with an authenticator app, as the admin API requires; also in
      // general, so they start as general and switch to admin, as the console asks.
      const admin = await createMfaAdmin(stack, { groups: ['admin', 'general'] });
      const signIn = async (shootAs?: string) => {
        await page.locator('input[name="email"]').fill(admin.email);
        await page.locator('input[name="password"]').fill(admin.password);
        await page.locator('button[type="submit"]').click();
        const code = page.locator('input[autocomplete="one-time-code"]');
        await expect(code).toBeVisible();
        if (shootAs) await shoot(page, shootAs);
        await code.fill(await nextTotpCode(admin.totpSecret));
        await page.locator('button[type="submit"]').click();
      };
      await page.goto('/sign-in');
      await shoot(page, `sign-in-${suffix}.png`);
      await signIn(`sign-in-code-${suffix}.png`);
      await expect(page).toHaveURL(/\/$/);
      // Acting as general, the admin screens say which role they need, and offer it.
      const roles = MESSAGES[language].roles;
      await page.goto('/admin/users');
      await shoot(page, `role-guard-${suffix}.png`);
      await page
        .getByRole('main')
        .getByRole('button', { name: roles.heading, exact: true })
        .click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(OUT, `switch-role-${suffix}.png`) });
      await dialog.getByRole('button', { name: roles.signInToSwitch }).click();
      await shoot(page, `sign-in-switch-role-${suffix}.png`);
      await signIn();
      await expect(page).toHaveURL(/\/admin\/users$/);
      for (const screen of screens) {
        await screen.open(page, language);
        await shoot(page, `${screen.name}-${suffix}.png`);
      }
      count += 5 + screens.length;
    });
  } finally {
    await preview.stop();
  }
  console.log(`${count} screenshots in ${OUT}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
