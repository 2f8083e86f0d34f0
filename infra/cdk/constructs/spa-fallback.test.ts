import { describe, expect, it } from 'vitest';
import { SPA_FALLBACK_CODE } from './spa-fallback';

type Handler = (event: { request: { uri: string } }) => { uri: string };
// The function as CloudFront runs it: plain JavaScript defining `handler`.
const handler = new Function(`${SPA_FALLBACK_CODE}; return handler;`)() as Handler;
const served = (uri: string) => handler({ request: { uri } }).uri;

describe('the SPA fallback function', () => {
  it.each(['/', '/sign-in', '/admin/users', '/admin/users/3f2c-11ee', '/profile/password'])(
    'serves index.html for the screen %s',
    (uri) => expect(served(uri)).toBe('/index.html'),
  );

  it('serves index.html for a screen whose last segment has a dot, like an e-mail', () => {
    expect(served('/admin/users/bob@example.com')).toBe('/index.html');
  });

  it.each([
    '/index.html',
    '/config.json',
    '/favicon.svg',
    '/assets/index-abc123.js',
    '/assets/x.css',
  ])('leaves the file %s alone', (uri) => expect(served(uri)).toBe(uri));

  it('leaves a missing asset to fail rather than answer a page that cannot run', () => {
    expect(served('/assets/gone-0000.js')).toBe('/assets/gone-0000.js');
  });
});
