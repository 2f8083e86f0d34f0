/**
 * User-pool groups and the IAM roles they map to. Cognito puts every group's role into the
 * ID token's `cognito:roles` and the role of the group with the lowest precedence into
 * `cognito:preferred_role`; the identity pool then hands out credentials for that role.
 */
export const GROUP_NAMES = ['admin', 'general'] as const;
export type GroupName = (typeof GROUP_NAMES)[number];

export interface GroupDefinition {
  readonly name: GroupName;
  readonly description: string;
  /** Lower wins when a user is in several groups (Cognito's rule). */
  readonly precedence: number;
  /** IAM role name; the role ARN is `arn:aws:iam::{account}:role/{roleName}`. */
  readonly roleName: string;
}

export const GROUPS: Readonly<Record<GroupName, GroupDefinition>> = {
  admin: {
    name: 'admin',
    description: 'Administrators: may call the admin API',
    precedence: 1,
    roleName: 'ConsoleAdminRole',
  },
  general: {
    name: 'general',
    description: 'Everyone who uses the app',
    precedence: 10,
    roleName: 'ConsoleGeneralRole',
  },
};

export function isGroupName(value: string): value is GroupName {
  return (GROUP_NAMES as readonly string[]).includes(value);
}

/** `partition` is `aws` unless given: the CDK app passes `AWS::Partition`. */
export function roleArn(accountId: string, group: GroupName, partition = 'aws'): string {
  return `arn:${partition}:iam::${accountId}:role/${GROUPS[group].roleName}`;
}
