/**
 * `npm run screenshots`: every screen of the console as a reviewer would look at it — laptop
 * (1440 px) and phone (390 px), English and Japanese, light and dark — signed in as the
 * seeded administrator against a throwaway local stack serving the production build.
 * Written to `screenshots/` (git-ignored), named screen-viewport-language-mode.png.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, expect, type Browser, type Page } from '@playwright/test';
import { startSpaServer } from '../infra/local/spa-server';
import { startTestStack } from '../infra/local/testing/test-stack';
import { resolveChromium } from './chromium-path.mjs';

const OUT = resolve('screenshots');
const ADMIN = { email: 'admin@example.com', password: 'Admin-Passw0rd!' };
const VIEWPORTS = { laptop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };
const LANGUAGES = ['en', 'ja'] as const;
const MODES = ['light', 'dark'] as const;

/** Each screen: how to reach it from a signed-in Home, and what shows it has loaded. */
const SCREENS: { name: string; open(page: Page): Promise<void> }[] = [
  { name: 'home', open: (page) => page.goto('/').then(() => undefined) },
  { name: 'profile', open: (page) => page.goto('/profile').then(() => undefined) },
  { name: 'change-password', open: (page) => page.goto('/profile/password').then(() => undefined) },
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
];

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
  visit: (page: Page, suffix: string) => Promise<void>,
): Promise<void> {
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
        await visit(page, `${viewportName}-${language}-${mode}`);
        await context.close();
      }
    }
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const stack = await startTestStack(mkdtempSync(join(tmpdir(), 'console-screenshots-')));
  const spa = await startSpaServer(
    'preview',
    stack.settings,
    stack.runtimeConfig,
    stack.apiUrls.general,
  );
  const executablePath = resolveChromium()?.executablePath;
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  let count = 0;
  try {
    await forEachLook(browser, spa.url, async (page, suffix) => {
      await page.goto('/sign-in');
      await shoot(page, `sign-in-${suffix}.png`);
      await page.locator('input[name="email"]').fill(ADMIN.email);
      await page.locator('input[name="password"]').fill(ADMIN.password);
      await page.locator('button[type="submit"]').click();
      await expect(page).toHaveURL(/\/$/);
      for (const screen of SCREENS) {
        await screen.open(page);
        await shoot(page, `${screen.name}-${suffix}.png`);
      }
      count += SCREENS.length + 1;
    });
  } finally {
    await browser.close();
    await spa.close();
    await stack.close();
  }
  console.log(`${count} screenshots in ${OUT}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
