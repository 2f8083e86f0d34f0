import type { GroupRecord } from './state';

export interface RoleClaims {
  'cognito:roles'?: string[];
  'cognito:preferred_role'?: string;
}

/**
 * Cognito's rule for the role claims: every group role goes into `cognito:roles`; the role of
 * the group with the lowest precedence is `cognito:preferred_role`, unless groups tied at that
 * precedence carry different roles, in which case no role is preferred.
 */
export function roleClaims(groups: readonly GroupRecord[]): RoleClaims {
  const withRoles = groups.filter((group) => group.roleArn);
  if (withRoles.length === 0) return {};
  const roles = [...new Set(withRoles.map((group) => group.roleArn))];
  const lowest = Math.min(...withRoles.map((group) => group.precedence));
  const preferred = new Set(
    withRoles.filter((group) => group.precedence === lowest).map((group) => group.roleArn),
  );
  return {
    'cognito:roles': roles,
    ...(preferred.size === 1 ? { 'cognito:preferred_role': [...preferred][0] } : {}),
  };
}
