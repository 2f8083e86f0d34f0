import { z } from 'zod';
import { GROUP_NAMES } from './groups';

/** Cognito's `UserStatus` values, as the admin API reports them. */
export const COGNITO_USER_STATUSES = [
  'UNCONFIRMED',
  'CONFIRMED',
  'EXTERNAL_PROVIDER',
  'RESET_REQUIRED',
  'FORCE_CHANGE_PASSWORD',
] as const;

/** What the users table can be filtered by: enabled flag or "must change password". */
export const USER_STATUS_FILTERS = ['enabled', 'disabled', 'force-change-password'] as const;
export type UserStatusFilter = (typeof USER_STATUS_FILTERS)[number];

/** Cognito's ListUsers returns at most 60 users a page. */
export const MAX_USERS_PAGE = 60;

export const usernameParams = z.object({
  username: z.string().min(1).max(128),
});

export const groupParams = z.object({
  group: z.enum(GROUP_NAMES, { error: `must be one of ${GROUP_NAMES.join(', ')}` }),
});

export const userGroupParams = usernameParams.extend(groupParams.shape);

export const listGroupMembersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_USERS_PAGE).default(20),
  cursor: z.string().min(1).max(2048).optional(),
});

/**
 * The attributes the Users list filters on: those Cognito's ListUsers `Filter` accepts (its
 * API reference lists them; custom attributes are not searchable), less `status` (enabled or
 * disabled), which `status` below covers. ListUsers filters on one attribute at a time.
 */
export const USER_FILTER_ATTRIBUTES = [
  'email',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'username',
  'phone_number',
  'sub',
  'cognito:user_status',
] as const;
export type UserFilterAttribute = (typeof USER_FILTER_ATTRIBUTES)[number];

/** Cognito's two filter types: `^=` (starts with) and `=` (equals). */
export const USER_FILTER_MATCHES = ['prefix', 'exact'] as const;
export type UserFilterMatch = (typeof USER_FILTER_MATCHES)[number];

/**
 * Cognito's `Filter` is at most 256 characters: the longest attribute name, the operator, the
 * quotes and a value of this length with every character escaped fit.
 */
export const USER_FILTER_VALUE_MAX = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why a value cannot be sent: the API refuses it, and the filter bar says so beside it. */
export type UserFilterProblem = 'tooLong' | 'notAUserId' | 'notAUserIdStart' | 'notAStatus';

/**
 * Besides its length: a `sub` is a UUID Cognito assigns, and `cognito:user_status` one of its
 * statuses (compared in any case), so a value that cannot be one (or, to match by prefix, the
 * start of one) finds nobody; it is refused rather than answered with an empty list.
 */
export function userFilterProblem(
  attribute: UserFilterAttribute,
  match: UserFilterMatch,
  value: string,
): UserFilterProblem | undefined {
  if (value.length > USER_FILTER_VALUE_MAX) return 'tooLong';
  if (attribute === 'sub') {
    if (match === 'exact') return UUID.test(value) ? undefined : 'notAUserId';
    return /^[0-9a-f-]*$/i.test(value) ? undefined : 'notAUserIdStart';
  }
  if (attribute === 'cognito:user_status') {
    const wanted = value.toUpperCase();
    const fits = COGNITO_USER_STATUSES.some((status) =>
      match === 'exact' ? status === wanted : status.startsWith(wanted),
    );
    return fits ? undefined : 'notAStatus';
  }
  return undefined;
}

const PROBLEM_MESSAGES: Record<UserFilterProblem, string> = {
  tooLong: `must be at most ${USER_FILTER_VALUE_MAX} characters`,
  notAUserId: 'must be a user ID (sub), a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e',
  notAUserIdStart: 'must be the start of a user ID (sub): hexadecimal digits and hyphens',
  notAStatus: `must be one of ${COGNITO_USER_STATUSES.join(', ')}`,
};

export const listUsersQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_USERS_PAGE).default(20),
    cursor: z.string().min(1).max(2048).optional(),
    /** Filter on this attribute (Cognito's `Filter`); needs `value`. */
    attribute: z
      .enum(USER_FILTER_ATTRIBUTES, {
        error: `must be one of ${USER_FILTER_ATTRIBUTES.join(', ')}`,
      })
      .optional(),
    /** How `value` is compared; `prefix` unless given. */
    match: z.enum(USER_FILTER_MATCHES, { error: 'must be prefix or exact' }).optional(),
    value: z.string().trim().optional(),
    status: z.enum(USER_STATUS_FILTERS).optional(),
    /** Only the group's members (Cognito's ListUsersInGroup). */
    group: z.enum(GROUP_NAMES, { error: `must be one of ${GROUP_NAMES.join(', ')}` }).optional(),
    /**
     * The filter's old form. Refused, not ignored as unknown parameters are: an old script
     * asking for `email=…` would otherwise get every user back, thinking them filtered.
     */
    email: z.never({ error: 'is no filter any more: use attribute=email&value=…' }).optional(),
  })
  .superRefine(({ attribute, match, value }, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (attribute === undefined) {
      if (value !== undefined) issue('attribute', 'is required with value');
      else if (match !== undefined) issue('attribute', 'is required with match');
      return;
    }
    if (!value) return issue('value', 'is required with attribute');
    const problem = userFilterProblem(attribute, match ?? 'prefix', value);
    if (problem) issue('value', PROBLEM_MESSAGES[problem]);
  });
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

export const userSummary = z.object({
  username: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  /** Cognito's `name` attribute; null when the user has none (absent from older answers). */
  name: z.string().nullable().optional(),
  enabled: z.boolean(),
  status: z.enum(COGNITO_USER_STATUSES),
  /** An authenticator app (TOTP) is verified and turned on, as the user pool records it. */
  mfaEnabled: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type UserSummary = z.infer<typeof userSummary>;

export const userDetail = userSummary.extend({
  groups: z.array(z.string()),
});
export type UserDetail = z.infer<typeof userDetail>;

export const userPage = z.object({
  users: z.array(userSummary),
  /** Pass back as `cursor` for the next page; null on the last one. */
  nextCursor: z.string().nullable(),
});
export type UserPage = z.infer<typeof userPage>;

/**
 * A group's member as its list shows them: no MFA state, which only AdminGetUser tells (one
 * call per member against the pool's UserRead quota, where ListUsersInGroup lists 60 in one).
 */
export const groupMember = userSummary.omit({ mfaEnabled: true });
export type GroupMember = z.infer<typeof groupMember>;

export const groupMemberPage = z.object({
  users: z.array(groupMember),
  /** Pass back as `cursor` for the next page; null on the last one. */
  nextCursor: z.string().nullable(),
});
export type GroupMemberPage = z.infer<typeof groupMemberPage>;

/** The longest display name an invitation sets (Cognito's `name` attribute). */
export const INVITE_NAME_MAX = 60;

export const inviteUserBody = z.strictObject({
  email: z.email().max(254),
  groups: z.array(z.enum(GROUP_NAMES)).max(GROUP_NAMES.length).default([]),
  /** The person's display name, set as Cognito's standard `name` attribute. */
  name: z.string().trim().min(1).max(INVITE_NAME_MAX).optional(),
});
export type InviteUserBody = z.infer<typeof inviteUserBody>;

export const groupSummary = z.object({
  name: z.string(),
  description: z.string(),
  precedence: z.number().int().nullable(),
  roleArn: z.string().nullable(),
  memberCount: z.number().int().min(0),
});
export type GroupSummary = z.infer<typeof groupSummary>;

export const groupList = z.object({ groups: z.array(groupSummary) });
export type GroupList = z.infer<typeof groupList>;

/** What the admin API saw of the caller: the identity behind the signature. */
export const whoami = z.object({
  identityId: z.string().nullable(),
  /** The caller as IAM names it: `arn:aws:sts::{account}:assumed-role/{role}/{session}`. */
  callerArn: z.string().nullable(),
  accessKeyId: z.string().nullable(),
  /** The user-pool user behind the identity, from `cognitoAuthenticationProvider`. */
  username: z.string().nullable(),
  sourceIp: z.string(),
  /**
   * API Gateway never passes the credentials' expiry to the integration, so this is always
   * null: the console takes the expiry from its own session instead.
   */
  credentialExpiry: z.null(),
});
export type Whoami = z.infer<typeof whoami>;
