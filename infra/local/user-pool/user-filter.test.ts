import { describe, expect, it } from 'vitest';
import { matchesFilter, parseUserFilter } from './user-filter';
import type { UserRecord } from './state';

const user: UserRecord = {
  username: 'u-1',
  attributes: { email: 'Ada@Example.com', sub: 'u-1', name: 'Ada' },
  enabled: false,
  status: 'FORCE_CHANGE_PASSWORD',
  password: { salt: '', verifier: '' },
  groups: [],
  createdAt: 0,
  updatedAt: 0,
  tokensValidAfter: 0,
};
const matches = (filter: string) => matchesFilter(user, parseUserFilter(filter)!);

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

  it('takes the attribute name quoted, as Cognito’s own examples write it', () => {
    expect(parseUserFilter('"email" ^= "a"')).toEqual({
      attribute: 'email',
      operator: '^=',
      value: 'a',
    });
    expect(parseUserFilter('"cognito:user_status"="CONFIRMED"')?.attribute).toBe(
      'cognito:user_status',
    );
    expect(() => parseUserFilter('"email ^= "a"')).toThrow('Error while parsing filter.');
  });

  it('refuses what Cognito refuses', () => {
    expect(() => parseUserFilter('email ~ "a"')).toThrow('Error while parsing filter.');
    expect(() => parseUserFilter('password = "x"')).toThrow('Invalid search attribute: password');
    expect(() => parseUserFilter('"custom:plan" = "x"')).toThrow(
      'Invalid search attribute: custom:plan',
    );
  });

  it('compares e-mail and cognito:user_status in any case', () => {
    expect(matches('email ^= "ada@"')).toBe(true);
    expect(matches('email = "ADA@EXAMPLE.COM"')).toBe(true);
    expect(matches('cognito:user_status = "force_change_password"')).toBe(true);
    expect(matches('cognito:user_status ^= "Force"')).toBe(true);
  });

  it('compares status, username and the rest exactly, as the API reference marks them', () => {
    expect(matches('status = "Disabled"')).toBe(true);
    expect(matches('status = "disabled"')).toBe(false);
    expect(matches('username = "U-1"')).toBe(false);
    expect(matches('name = "ada"')).toBe(false);
    expect(matches('sub = "u-2"')).toBe(false);
  });
});
