import { describe, expect, it } from 'vitest';
import { roleArn } from '@contract/groups';
import { actingRole, isElevation, leastPrivilegedRole, rankedRoles } from './acting-role';

const ADMIN = roleArn('123456789012', 'admin');
const HELPDESK = roleArn('123456789012', 'helpdesk');
const GENERAL = roleArn('123456789012', 'general');
const STRANGER = 'arn:aws:iam::123456789012:role/SomethingElse';

describe('which role the console acts as', () => {
  it('ranks the token’s roles from fewest rights to most, leaving out roles of no group', () => {
    expect(rankedRoles([ADMIN, STRANGER, GENERAL, HELPDESK])).toEqual([
      { arn: GENERAL, group: 'general' },
      { arn: HELPDESK, group: 'helpdesk' },
      { arn: ADMIN, group: 'admin' },
    ]);
  });

  it('starts with the least privileged, whatever order the token lists them in', () => {
    expect(leastPrivilegedRole([ADMIN, GENERAL])).toBe(GENERAL);
    expect(leastPrivilegedRole([HELPDESK, ADMIN])).toBe(HELPDESK);
    expect(leastPrivilegedRole([ADMIN])).toBe(ADMIN);
    expect(leastPrivilegedRole([STRANGER])).toBeUndefined();
  });

  it('acts as a chosen role only while the token still carries it', () => {
    expect(actingRole([ADMIN, GENERAL], ADMIN)).toBe(ADMIN);
    expect(actingRole([GENERAL], ADMIN)).toBe(GENERAL);
    expect(actingRole([ADMIN, GENERAL], STRANGER)).toBe(GENERAL);
  });

  it('counts more rights, or a role of no group, as an elevation; fewer as none', () => {
    expect(isElevation(GENERAL, ADMIN)).toBe(true);
    expect(isElevation(GENERAL, HELPDESK)).toBe(true);
    expect(isElevation(ADMIN, HELPDESK)).toBe(false);
    expect(isElevation(HELPDESK, GENERAL)).toBe(false);
    expect(isElevation(GENERAL, STRANGER)).toBe(true);
    expect(isElevation(undefined, GENERAL)).toBe(true);
  });
});
