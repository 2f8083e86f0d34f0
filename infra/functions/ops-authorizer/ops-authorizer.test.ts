import { describe, expect, it } from 'vitest';
import { isAllowedAddress } from './allowed-address';
import { bearerMatches } from './bearer';

describe('the ops authorizer’s address check', () => {
  it.each([
    ['127.0.0.1', ['127.0.0.0/8'], true],
    ['10.1.2.3', ['127.0.0.0/8', '10.0.0.0/8'], true],
    ['192.168.1.1', ['10.0.0.0/8'], false],
    ['::1', ['::1/128'], true],
    ['::ffff:127.0.0.1', ['127.0.0.0/8'], true],
    ['2001:db8::1', ['2001:db8::/32'], true],
    ['2001:db9::1', ['2001:db8::/32'], false],
    ['not-an-ip', ['0.0.0.0/0'], false],
  ])('%s in %j: %s', (address, cidrs, allowed) => {
    expect(isAllowedAddress(address, cidrs)).toBe(allowed);
  });

  it('refuses to run with a CIDR it cannot read', () => {
    expect(() => isAllowedAddress('127.0.0.1', ['localhost/8'])).toThrow('Not a CIDR: localhost/8');
  });
});

describe('the ops authorizer’s token check', () => {
  const token = 'the-right-token-0123456789';
  it.each([
    [`Bearer ${token}`, true],
    [`Bearer ${token} `, true],
    [`bearer ${token}`, false],
    [token, false],
    [`Bearer ${token}x`, false],
    [`Bearer ${token.slice(1)}`, false],
    ['Bearer ', false],
    ['', false],
  ])('%j: %s', (authorization, matches) => {
    expect(bearerMatches(authorization, token)).toBe(matches);
  });
});
