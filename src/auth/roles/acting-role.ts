import { GROUPS, groupOfRole, type GroupName } from '@contract/groups';

/**
 * Which of the ID token's roles (`cognito:roles`) the console acts as. Roles are ranked by
 * their group's precedence (lower number: more privileged, as Cognito ranks them); a role
 * that is no group's of the contract ranks nowhere and is never chosen.
 */
export interface RankedRole {
  arn: string;
  group: GroupName;
}

export function rankedRoles(tokenRoles: readonly string[]): RankedRole[] {
  return tokenRoles
    .flatMap((arn) => {
      const group = groupOfRole(arn);
      return group ? [{ arn, group }] : [];
    })
    .sort((a, b) => GROUPS[b.group].precedence - GROUPS[a.group].precedence);
}

/** The least-privileged of the token's roles: what the console acts as after sign-in. */
export function leastPrivilegedRole(tokenRoles: readonly string[]): string | undefined {
  return rankedRoles(tokenRoles)[0]?.arn;
}

/** Whether acting as `to` instead of `from` gains privilege (and so needs a fresh sign-in). */
export function isElevation(from: string | undefined, to: string): boolean {
  const toGroup = groupOfRole(to);
  if (!toGroup) return true;
  const fromGroup = from === undefined ? undefined : groupOfRole(from);
  return !fromGroup || GROUPS[toGroup].precedence < GROUPS[fromGroup].precedence;
}

/** The role to act as: the chosen one while the token still carries it, else the least privileged. */
export function actingRole(
  tokenRoles: readonly string[],
  chosen: string | undefined,
): string | undefined {
  if (chosen && rankedRoles(tokenRoles).some((role) => role.arn === chosen)) return chosen;
  return leastPrivilegedRole(tokenRoles);
}
