import { describe, expect, it } from 'vitest';
import { roleClaims } from './role-claims';
import type { GroupRecord } from './state';

const group = (name: string, precedence: number, roleArn: string): GroupRecord => ({
  name,
  precedence,
  roleArn,
  description: '',
  createdAt: 0,
  updatedAt: 0,
});

describe('roleClaims', () => {
  it('prefers the role of the group with the lowest precedence', () => {
    expect(roleClaims([group('general', 10, 'arn:g'), group('admin', 1, 'arn:a')])).toEqual({
      'cognito:roles': ['arn:g', 'arn:a'],
      'cognito:preferred_role': 'arn:a',
    });
  });

  it('prefers no role when groups tie at the lowest precedence with different roles', () => {
    expect(roleClaims([group('a', 1, 'arn:a'), group('b', 1, 'arn:b')])).toEqual({
      'cognito:roles': ['arn:a', 'arn:b'],
    });
  });

  it('keeps a shared role preferred when tied groups carry the same role', () => {
    expect(
      roleClaims([group('a', 1, 'arn:x'), group('b', 1, 'arn:x')])['cognito:preferred_role'],
    ).toBe('arn:x');
  });

  it('gives no role claims without groups', () => {
    expect(roleClaims([])).toEqual({});
  });
});
