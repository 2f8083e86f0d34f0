import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { resolveChromium } from '../../../scripts/chromium-path.mjs';
import { startSpaServer, type SpaServer } from '../spa-server';
import { startTestStack, type TestStack } from './test-stack';

export interface PreviewConsole {
  stack: TestStack;
  spa: SpaServer;
  browser: Browser;
  /** Closes the browser and the SPA server, and stops the stack (its state goes too). */
  stop(): Promise<void>;
}

/**
 * The production build (`dist/`) served on a throwaway local stack, and Chromium to drive it:
 * what `bench:flows` measures and `npm run screenshots` shoots. `args` are Chromium's extra
 * switches beyond running as root without a GPU.
 */
export async function startPreviewConsole(
  name: string,
  args: readonly string[] = [],
): Promise<PreviewConsole> {
  const stack = await startTestStack(mkdtempSync(join(tmpdir(), `${name}-`)));
  const spa = await startSpaServer(
    'preview',
    stack.settings,
    stack.runtimeConfig,
    stack.apiUrls.general,
  );
  const executablePath = resolveChromium()?.executablePath;
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', ...args],
  });
  return {
    stack,
    spa,
    browser,
    stop: async () => {
      await browser.close();
      await spa.close();
      await stack.stop();
    },
  };
}
