import { describe, expect, it } from 'vitest';
import { matchesFilter, parseUserFilter } from './user-filter';
import type { UserRecord } from './state';

const user: UserRecord = {
  username: 'u-1',
  attributes: { email: 'Ada@Example.com', sub: 'u-1' },
  enabled: false,
  status: 'CONFIRMED',
  password: { salt: '', verifier: '' },
  groups: [],
  createdAt: 0,
  updatedAt: 0,
  tokensValidAfter: 0,
};

describe('ListUsers filters', () => {
  it('parses exact and prefix filters, with escaped quotes', () => {
    expect(parseUserFilter('email ^= "ada"')).toEqual({
      attribute: 'email',
      operator: '^=',
      value: 'ada',
    });
    expect(parseUserFilter('name = "say \\"hi\\""')).toEqual({
      attribute: 'name',
      operator: '=',
      value: 'say "hi"',
    });
    expect(parseUserFilter('  ')).toBeUndefined();
  });

  it('refuses what Cognito refuses', () => {
    expect(() => parseUserFilter('email ~ "a"')).toThrow('Error while parsing filter.');
    expect(() => parseUserFilter('password = "x"')).toThrow('Invalid search attribute: password');
  });

  it('matches e-mail case-insensitively and status by Enabled/Disabled', () => {
    expect(matchesFilter(user, parseUserFilter('email ^= "ada@"')!)).toBe(true);
    expect(matchesFilter(user, parseUserFilter('status = "Disabled"')!)).toBe(true);
    expect(matchesFilter(user, parseUserFilter('cognito:user_status = "CONFIRMED"')!)).toBe(true);
    expect(matchesFilter(user, parseUserFilter('sub = "u-2"')!)).toBe(false);
  });
});
