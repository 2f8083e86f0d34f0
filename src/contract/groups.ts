/**
 * User-pool groups and the IAM roles they map to. Cognito puts every group's role into the
 * ID token's `cognito:roles` and the role of the group with the lowest precedence into
 * `cognito:preferred_role`. Precedence also orders privilege: the console asks the identity
 * pool (`CustomRoleArn`) for the role of the user's group with the *highest* precedence number
 * (least privileged) and acts with a lower one only when the user switches to it.
 *
 * Which admin routes a group's role may call is said route by route in `routes.ts`; adding a
 * group is an entry here and its name in those routes' lists.
 */
export const GROUP_NAMES = ['admin', 'helpdesk', 'general'] as const;
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
  helpdesk: {
    name: 'helpdesk',
    description: 'Support staff: find users, unlock them, reset passwords and MFA',
    precedence: 5,
    roleName: 'ConsoleHelpdeskRole',
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

/** The user's groups from least to most privileged (highest precedence number first). */
export function byLeastPrivilege(groups: readonly GroupName[]): GroupName[] {
  return [...groups].sort((a, b) => GROUPS[b].precedence - GROUPS[a].precedence);
}

/**
 * The group a role belongs to, from its ARN (`…:role/{path/}{name}`) or a session's
 * (`…:assumed-role/{name}/{session}`, which carries no path); undefined for any other role.
 */
export function groupOfRole(arn: string): GroupName | undefined {
  const roleName =
    /:assumed-role\/([^/]+)\/[^/]+$/.exec(arn)?.[1] ?? /:role\/(?:.*\/)?([^/]+)$/.exec(arn)?.[1];
  return GROUP_NAMES.find((group) => GROUPS[group].roleName === roleName);
}
