import { describe, expect, it } from 'vitest';
import { assertPasswordConforms, generateTemporaryPassword } from './password-policy';

describe("Cognito's default password policy", () => {
  it.each([
    ['Sh0rt!', 'Password not long enough'],
    ['NOLOWER1!', 'Password must have lowercase characters'],
    ['noupper1!', 'Password must have uppercase characters'],
    ['NoDigits!', 'Password must have numeric characters'],
    ['NoSymbol1', 'Password must have symbol characters'],
  ])('refuses %s: %s', (password, reason) => {
    expect(() => assertPasswordConforms(password)).toThrow(
      `Password did not conform with policy: ${reason}`,
    );
  });

  it('accepts a conforming password and every generated temporary password', () => {
    expect(() => assertPasswordConforms('Admin-Passw0rd!')).not.toThrow();
    for (let i = 0; i < 200; i++)
      expect(() => assertPasswordConforms(generateTemporaryPassword())).not.toThrow();
  });
});
