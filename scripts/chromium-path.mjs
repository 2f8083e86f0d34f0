// Finds a Chromium for Playwright: PLAYWRIGHT_CHROMIUM_EXECUTABLE, then Debian's
// /usr/bin/chromium, then Playwright's own downloaded browser. Used by playwright.config.ts
// and scripts/ensure-chromium.mjs.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export const ENV_VARIABLE = 'PLAYWRIGHT_CHROMIUM_EXECUTABLE';
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

function playwrightBundledChromium() {
  const require = createRequire(import.meta.url);
  for (const name of ['playwright-core', '@playwright/test']) {
    try {
      const executablePath = require(name).chromium.executablePath();
      if (executablePath) return executablePath;
    } catch {
      // Not installed, or Playwright has no browser registered for this platform.
    }
  }
  return undefined;
}

/**
 * @param {NodeJS.ProcessEnv} [env]
 * @param {{ exists?: (path: string) => boolean, bundledPath?: () => string | undefined }} [probe]
 *   seams for tests; default to the real file system and Playwright.
 * @returns {{ executablePath: string, source: string } | undefined}
 */
export function resolveChromium(
  env = process.env,
  { exists = existsSync, bundledPath = playwrightBundledChromium } = {},
) {
  const fromEnv = env[ENV_VARIABLE];
  if (fromEnv) {
    if (!exists(fromEnv)) {
      throw new Error(`${ENV_VARIABLE} is set to ${fromEnv}, but there is no file there.`);
    }
    return { executablePath: fromEnv, source: ENV_VARIABLE };
  }
  if (exists(SYSTEM_CHROMIUM)) {
    return { executablePath: SYSTEM_CHROMIUM, source: 'system' };
  }
  const bundled = bundledPath();
  if (bundled && exists(bundled)) {
    return { executablePath: bundled, source: 'playwright' };
  }
  return undefined;
}
