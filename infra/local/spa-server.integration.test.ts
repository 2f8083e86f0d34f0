import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSpaServer, type SpaServer } from './spa-server';
import { SEEDED_USER, signIn } from './testing/callers';
import { startTestStack, type TestStack } from './testing/test-stack';

let stack: TestStack;
let spa: SpaServer;
beforeAll(async () => {
  stack = await startTestStack();
  spa = await startSpaServer('dev', stack.settings, stack.runtimeConfig, stack.apiUrls.general);
}, 30_000);
afterAll(async () => {
  await spa.close();
  await stack.stop();
});

describe('the SPA’s origin', () => {
  it('serves the stack’s runtime config, with the admin API at its stage', async () => {
    const config = (await (await fetch(`${spa.url}/config.json`)).json()) as Record<string, string>;
    expect(config.adminApiUrl).toBe(stack.apiUrls.admin);
    expect(config.adminApiUrl).toMatch(/\/local$/);
    expect(config.generalApiUrl).toBe('/api');
  });

  it('passes /api/* to the general API with the caller’s ID token, as CloudFront does', async () => {
    const { idToken } = await signIn(stack, SEEDED_USER);
    const response = await fetch(`${spa.url}/api/me`, { headers: { authorization: idToken } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ email: 'user@example.com' });
    const refused = await fetch(`${spa.url}/api/me`);
    expect(refused.status).toBe(401);
  });
});
