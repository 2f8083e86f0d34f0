import { describe, expect, it } from 'vitest';
import { resolveChromium, SYSTEM_CHROMIUM } from './chromium-path.mjs';

const BUNDLED = '/home/me/.cache/ms-playwright/chromium-1/chrome-linux64/chrome';

function probe(existing: string[], bundled: string | undefined = BUNDLED) {
  return { exists: (path: string) => existing.includes(path), bundledPath: () => bundled };
}

describe('resolveChromium', () => {
  it('prefers PLAYWRIGHT_CHROMIUM_EXECUTABLE', () => {
    const env = { PLAYWRIGHT_CHROMIUM_EXECUTABLE: '/opt/chrome/chrome' };
    expect(resolveChromium(env, probe(['/opt/chrome/chrome', SYSTEM_CHROMIUM, BUNDLED]))).toEqual({
      executablePath: '/opt/chrome/chrome',
      source: 'PLAYWRIGHT_CHROMIUM_EXECUTABLE',
    });
  });

  it('refuses a PLAYWRIGHT_CHROMIUM_EXECUTABLE that does not exist rather than silently using another', () => {
    const env = { PLAYWRIGHT_CHROMIUM_EXECUTABLE: '/opt/missing' };
    expect(() => resolveChromium(env, probe([SYSTEM_CHROMIUM]))).toThrow(
      'PLAYWRIGHT_CHROMIUM_EXECUTABLE is set to /opt/missing, but there is no file there.',
    );
  });

  it("then uses Debian's /usr/bin/chromium", () => {
    expect(resolveChromium({}, probe([SYSTEM_CHROMIUM, BUNDLED]))).toEqual({
      executablePath: '/usr/bin/chromium',
      source: 'system',
    });
  });

  it("then Playwright's own browser, if it was downloaded", () => {
    expect(resolveChromium({}, probe([BUNDLED]))).toEqual({
      executablePath: BUNDLED,
      source: 'playwright',
    });
    expect(resolveChromium({}, probe([]))).toBeUndefined();
    expect(resolveChromium({}, probe([], undefined))).toBeUndefined();
  });
});
