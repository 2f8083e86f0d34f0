import { defineConfig, devices } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DEPLOYED_SITE_URL,
  localStackEnvironment,
  SPA_URL,
  STATE_DIR_VARIABLE,
} from './e2e/fixtures/environment';
import { resolveChromium } from './scripts/chromium-path.mjs';

const isCI = !!process.env.CI;

// Every run starts the local stack from an empty state directory, removed when the run ends.
// Playwright evaluates this file again in each worker; the variable keeps them on the runner's
// directory. Set CONSOLE_E2E_STATE_DIR yourself to keep the state for a look afterwards.
let stateDir = process.env[STATE_DIR_VARIABLE];
if (!stateDir) {
  const created = fs.mkdtempSync(path.join(os.tmpdir(), 'console-e2e-'));
  process.env[STATE_DIR_VARIABLE] = stateDir = created;
  process.on('exit', () => fs.rmSync(created, { recursive: true, force: true }));
}

// `npm run test:e2e` runs scripts/ensure-chromium.mjs first, which explains how to get one.
const chromium = resolveChromium();

const browserUse = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    ...(chromium ? { executablePath: chromium.executablePath } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

/** Specs that change the whole stack for as long as they run. */
const WHOLE_STACK_SPECS = ['import.spec.ts'];

export default defineConfig({
  testDir: 'e2e',
  globalTeardown: './e2e/global-teardown.ts',
  // Two files at a time: most of an e2e test is waiting (for the API, for an authenticator's
  // next 30-second step), so a second browser uses the time one leaves idle. Tests never share
  // a user; what changes the whole stack runs alone afterwards (the `alone` project).
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: isCI,
  reporter: isCI ? [['list']] : 'list',
  use: {
    baseURL: SPA_URL,
    trace: { mode: 'retain-on-failure', screenshots: false },
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: WHOLE_STACK_SPECS,
      use: browserUse,
    },
    {
      // Sets the user pool's request quotas, which every other test's calls would meet.
      name: 'alone',
      testMatch: WHOLE_STACK_SPECS,
      dependencies: ['chromium'],
      use: browserUse,
    },
  ],
  // Against a deployed site there is nothing to start.
  webServer: DEPLOYED_SITE_URL
    ? undefined
    : {
        command: 'npx tsx infra/local/start.ts --preview',
        url: `${SPA_URL}/config.json`,
        reuseExistingServer: false,
        timeout: 60_000,
        gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
        env: localStackEnvironment(stateDir),
      },
});
