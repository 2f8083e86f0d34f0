/**
 * What the console costs a person on the wire (`npm run bench:flows`), measured in Chromium
 * against the local stack serving the production build from `dist/`:
 *
 * - the JavaScript and CSS loaded before sign-in (gzip), against the 200 KB budget;
 * - the requests from clicking "Sign in" (on a deep link to the Users screen) to the Users
 *   table rendered, and from a reload of that screen to the table rendered, by destination;
 * - the CORS preflights over twenty admin actions done through the UI;
 * - the gzip size of what each screen adds when it is opened first.
 *
 * Requests are counted with the DevTools protocol, which (unlike Playwright's request events)
 * also reports CORS preflights. Sizes are gzip -9 of the files as served.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { createMfaAdmin } from '../infra/local/testing/mfa-admin';
import { startPreviewConsole } from '../infra/local/testing/preview-console';
import { nextTotpCode } from '../infra/local/testing/totp';
import { fmt, machine, table, writeResult } from './results';

const BUDGET_BEFORE_SIGN_IN_KB = 200;
const ADMIN = { email: 'admin@example.com', password: 'Admin-Passw0rd!' };
const DIST = join(process.cwd(), 'dist');

interface Recorded {
  url: string;
  method: string;
  preflight: boolean;
}

/** Every request the page's network stack sends, preflights included, until `stop()`. */
async function recordRequests(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const requests: Recorded[] = [];
  cdp.on('Network.requestWillBeSent', (event) => {
    requests.push({
      url: event.request.url,
      method: event.request.method,
      preflight: event.type === 'Preflight' || event.request.method === 'OPTIONS',
    });
  });
  return {
    requests,
    clear: () => requests.splice(0),
    stop: () => cdp.detach(),
  };
}

/** gzip -9 size of an asset of the build, by its URL. */
function gzipSizeOf(url: string): number {
  const path = join(DIST, new URL(url).pathname);
  return existsSync(path) ? gzipSync(readFileSync(path), { level: 9 }).length : 0;
}

/** The SPA's JavaScript and CSS: what the budgets count. */
const isScript = (r: Recorded, spaUrl: string) =>
  r.url.startsWith(spaUrl) && /\.(js|css)$/.test(new URL(r.url).pathname);

async function main() {
  const startedAt = new Date();
  const loadAtStart = loadavg()[0];
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('Run `npm run build` first.');
  const preview = await startPreviewConsole('console-bench', ['--disable-quic']);
  const { stack, spa, browser } = preview;
  const origins = {
    spa: spa.url,
    edge: stack.edgeUrl,
    admin: new URL(stack.apiUrls.admin).origin,
  };
  /** Where a request went, for the breakdown. */
  const destination = (r: Recorded): string => {
    if (r.preflight) return 'CORS preflight';
    if (r.url.startsWith(origins.edge)) return 'Cognito (user pool + identity pool)';
    if (r.url.startsWith(origins.admin)) return 'admin API (signed)';
    if (r.url.startsWith(`${origins.spa}/api/`)) return 'general API (ID token)';
    if (r.url.startsWith(origins.spa)) {
      return isScript(r, origins.spa) ? 'JavaScript and CSS' : 'SPA (html, config)';
    }
    return 'other';
  };
  const breakdown = (requests: Recorded[]) => {
    const counts: Record<string, number> = {};
    for (const r of requests) counts[destination(r)] = (counts[destination(r)] ?? 0) + 1;
    return { total: requests.length, byDestination: counts };
  };

  const context: BrowserContext = await browser.newContext({ baseURL: spa.url });
  const page = await context.newPage();
  const recorder = await recordRequests(page);
  const usersTable = page.getByRole('table', { name: /^Users, page 1/ });

  // 1. A deep link to Users while signed out: the sign-in screen and its JavaScript.
  await page.goto('/admin/users');
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const beforeSignIn = recorder.requests.filter((r) => isScript(r, spa.url));
  const beforeSignInBytes = beforeSignIn.reduce((sum, r) => sum + gzipSizeOf(r.url), 0);
  const initialScripts = new Set(beforeSignIn.map((r) => r.url));
  const beforeSignInFiles = Object.fromEntries(
    beforeSignIn.map((r) => [new URL(r.url).pathname, gzipSizeOf(r.url)]),
  );

  // 2. Click "Sign in" → the code step → "Verify" → the Users table, as an administrator
  // with an authenticator app (the admin API requires one), in admin alone: the console acts
  // as admin from sign-in (with general too it would start as general and switch).
  const admin = await createMfaAdmin(stack, { groups: ['admin'] });
  recorder.clear();
  await page.getByLabel('Email', { exact: true }).fill(admin.email);
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const codeField = page.getByRole('textbox', { name: 'Authentication code' });
  await expect(codeField).toBeVisible();
  const toCodeStep = breakdown(recorder.requests);
  const codeStepScripts = recorder.requests.filter((r) => isScript(r, spa.url));
  await codeField.fill(await nextTotpCode(admin.totpSecret));
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(usersTable.getByRole('row').nth(1)).toBeVisible();
  const signInToTable = breakdown(recorder.requests);
  const signInScripts = recorder.requests.filter((r) => isScript(r, spa.url));
  const signInScriptBytes = signInScripts.reduce((sum, r) => sum + gzipSizeOf(r.url), 0);

  // 3. Reload → the Users table (the session restored from storage, scripts from the cache).
  recorder.clear();
  await page.reload();
  await expect(usersTable.getByRole('row').nth(1)).toBeVisible();
  const reloadToTable = breakdown(recorder.requests);

  // 4. Twenty admin actions through the UI: two invitations, then 18 enable/disable toggles.
  recorder.clear();
  const stamp = Date.now();
  const invitees = [`bench-a-${stamp}@example.com`, `bench-b-${stamp}@example.com`];
  for (const email of invitees) {
    await page.getByRole('button', { name: 'Invite user', exact: true }).click();
    await page.getByRole('dialog').getByLabel('Email', { exact: true }).fill(email);
    await page.getByRole('dialog').getByRole('button', { name: 'Send invitation' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: `Invitation sent to ${email}` }),
    ).toBeVisible();
  }
  const emailFilter = page.getByLabel('Email starts with');
  await emailFilter.fill('bench-');
  await expect(emailFilter).toHaveAccessibleDescription('Matching users: 2');
  for (let i = 0; i < 18; i++) {
    const email = invitees[i % 2]!;
    const verb = Math.floor(i / 2) % 2 === 0 ? 'Disable' : 'Enable';
    const done = verb === 'Disable' ? 'disabled' : 'enabled';
    // As in the AWS console: select the row, then the header's Actions, then confirm.
    await page.getByRole('radio', { name: `Select ${email}` }).check();
    await page.getByRole('button', { name: 'Actions', exact: true }).click();
    await page.getByRole('menuitem', { name: `${verb} user`, exact: true }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: `${verb} user` })
      .click();
    await expect(
      page.getByRole('status').filter({ hasText: `${email} is ${done}.` }),
    ).toBeVisible();
    await expect(page.getByRole('dialog')).toBeHidden();
  }
  const actions = recorder.requests.filter((r) => r.url.startsWith(origins.admin));
  const preflights = actions.filter((r) => r.preflight);
  const adminActions = {
    actions: 20,
    adminApiRequests: actions.length - preflights.length,
    preflights: preflights.length,
    preflightedUrls: [
      ...new Set(preflights.map((r) => `${new URL(r.url).pathname}${new URL(r.url).search}`)),
    ],
  };

  // 5. What each screen adds when opened first (from Home, in a fresh page of the session).
  const screens: Record<string, number> = {};
  for (const [name, path] of [
    ['Home', '/'],
    ['Profile', '/profile'],
    ['Access', '/access'],
    ['Users', '/admin/users'],
    ['User detail', `/admin/users/${encodeURIComponent(ADMIN.email)}`],
    ['Groups', '/admin/groups'],
    ['Announcements', '/admin/announcements'],
    ['Audit log', '/admin/audit'],
  ] as const) {
    const fresh = await context.newPage();
    const rec = await recordRequests(fresh);
    await fresh.goto(path);
    await expect(fresh.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await fresh.waitForLoadState('networkidle');
    const added = [
      ...new Set(rec.requests.filter((r) => isScript(r, spa.url)).map((r) => r.url)),
    ].filter((url) => !initialScripts.has(url));
    screens[name] = added.reduce((sum, url) => sum + gzipSizeOf(url), 0);
    await rec.stop();
    await fresh.close();
  }

  // 6. An administrator without an app is sent to set one up: what the QR code step loads.
  const setupContext = await browser.newContext({ baseURL: spa.url });
  const setupPage = await setupContext.newPage();
  const setupRecorder = await recordRequests(setupPage);
  // The seeded administrator has none yet.
  await setupPage.goto('/admin/users');
  await setupPage.getByLabel('Email', { exact: true }).fill(ADMIN.email);
  await setupPage.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await setupPage.getByRole('button', { name: 'Sign in', exact: true }).click();
  await setupPage.getByRole('button', { name: 'Set up authenticator app' }).click();
  await expect(
    setupPage.getByRole('img', { name: 'QR code for your authenticator app' }),
  ).toBeVisible();
  await setupPage.waitForLoadState('networkidle');
  const setupScripts = [
    ...new Set(setupRecorder.requests.filter((r) => isScript(r, spa.url)).map((r) => r.url)),
  ];
  await setupRecorder.stop();
  await setupContext.close();

  await preview.stop();

  const kb = (bytes: number) => fmt(bytes / 1024, 1);
  const bytesOf = (urls: string[]) => urls.reduce((sum, url) => sum + gzipSizeOf(url), 0);
  const codeStepBytes = bytesOf(codeStepScripts.map((r) => r.url));
  const setupBytes = bytesOf(setupScripts.filter((url) => !initialScripts.has(url)));
  // vite.config.ts names the QR library's chunk `qrcode-*.js`.
  const isQrChunk = (url: string) => /\/qrcode-[^/]+\.js$/.test(new URL(url).pathname);
  const qrBefore = [...initialScripts, ...codeStepScripts.map((r) => r.url)].filter(isQrChunk);
  const qrAtSetup = setupScripts.some(isQrChunk);
  console.log(
    `\nThe TOTP code step: ${toCodeStep.total} requests from "Sign in" to the code field ` +
      `(${JSON.stringify(toCodeStep.byDestination)}), ${kb(codeStepBytes)} KB of JavaScript and CSS; ` +
      `QR code library loaded before setup: ${qrBefore.length === 0 ? 'no' : qrBefore.join(', ')}; ` +
      `at setup: ${qrAtSetup ? 'yes' : 'NO (the check is broken)'}.` +
      `\nSetting an app up (signed out → QR code shown): ${kb(setupBytes)} KB gzip beyond the first download.\n`,
  );
  const within = beforeSignInBytes / 1024 <= BUDGET_BEFORE_SIGN_IN_KB;
  console.log(
    `\nJavaScript and CSS before sign-in: ${kb(beforeSignInBytes)} KB gzip in ${beforeSignIn.length} files ` +
      `(budget ${BUDGET_BEFORE_SIGN_IN_KB} KB: ${within ? 'within' : 'OVER'}); ` +
      `signing in then loads ${kb(signInScriptBytes)} KB more for the Users screen.\n`,
  );
  const destinations = [
    ...new Set([
      ...Object.keys(signInToTable.byDestination),
      ...Object.keys(reloadToTable.byDestination),
    ]),
  ];
  console.log(
    table([
      ['requests by destination', 'click "Sign in" → Users table', 'reload → Users table'],
      ...destinations.map((d) => [
        d,
        String(signInToTable.byDestination[d] ?? 0),
        String(reloadToTable.byDestination[d] ?? 0),
      ]),
      ['total', String(signInToTable.total), String(reloadToTable.total)],
    ]),
  );
  console.log(
    `\n20 admin actions: ${adminActions.adminApiRequests} admin API requests, ` +
      `${adminActions.preflights} CORS preflights (${adminActions.preflightedUrls.join(', ')}).\n`,
  );
  console.log(
    table([
      ['screen, opened first', 'KB gzip it adds'],
      ...Object.entries(screens).map(([name, bytes]) => [name, kb(bytes)]),
    ]),
  );
  const file = await writeResult('console-flows', startedAt, {
    machine: machine(loadAtStart),
    javascriptBeforeSignIn: {
      gzipBytes: beforeSignInBytes,
      files: beforeSignInFiles,
      budgetBytes: BUDGET_BEFORE_SIGN_IN_KB * 1024,
      withinBudget: within,
    },
    javascriptLoadedBySignInToUsers: signInScriptBytes,
    signInToUsersTable: signInToTable,
    signInToTotpCodeStep: {
      ...toCodeStep,
      gzipBytes: codeStepBytes,
      qrLoadedBeforeSetup: qrBefore,
    },
    totpSetupGzipBytes: setupBytes,
    qrLoadedAtSetup: qrAtSetup,
    reloadToUsersTable: reloadToTable,
    adminActions,
    screensGzipBytes: screens,
  });
  console.log(`\nRecorded in ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
