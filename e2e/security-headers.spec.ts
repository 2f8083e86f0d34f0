import { connectOriginsOf, parseRuntimeConfig, securityHeaderValues } from '@contract';
import { expect, test } from './fixtures/test';

test('the SPA’s origin sends the CloudFront policy’s security headers, CSP included', async ({
  request,
}) => {
  const config = parseRuntimeConfig(await (await request.get('/config.json')).json());
  const expected = securityHeaderValues(connectOriginsOf(config));
  for (const path of ['/', '/admin/users']) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    for (const [name, value] of Object.entries(expected)) {
      expect(response.headers()[name.toLowerCase()], `${name} on ${path}`).toBe(value);
    }
  }
  expect(expected['Content-Security-Policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
});
