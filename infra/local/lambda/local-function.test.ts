import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalFunction, type RoleCredentials } from './local-function';

const dir = mkdtempSync(join(tmpdir(), 'local-function-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A handler that answers with the key it runs with, after `event.waitMs`. */
const bundlePath = join(dir, 'key.mjs');
writeFileSync(
  bundlePath,
  `export const handler = async (event) => {
     await new Promise((resolve) => setTimeout(resolve, event.waitMs ?? 0));
     return process.env.AWS_ACCESS_KEY_ID;
   };`,
);

describe('a local function and its execution role’s credentials', () => {
  it('is replaced before its credentials expire, and the old one finishes what it runs', async () => {
    let now = 1_000_000_000_000;
    let issued = 0;
    const credentials = (): RoleCredentials => ({
      accessKeyId: `ASIAKEY${++issued}`,
      secretAccessKey: 'secret',
      sessionToken: 'token',
      expiresAt: now + 60 * 60 * 1000,
    });
    const fn = new LocalFunction({
      name: 'key',
      bundlePath,
      environment: {},
      timeoutMs: 5_000,
      roleCredentials: credentials,
      now: () => now,
    });
    try {
      expect(await fn.invoke({})).toBe('ASIAKEY1');
      const running = fn.invoke({ waitMs: 300 });
      // Within five minutes of expiry: the next invocation gets a new instance, new keys.
      now += 56 * 60 * 1000;
      expect(await fn.invoke({})).toBe('ASIAKEY2');
      expect(await running).toBe('ASIAKEY1');
      expect(await fn.invoke({})).toBe('ASIAKEY2');
    } finally {
      await fn.close();
    }
  });
});
