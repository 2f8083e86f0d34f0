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

export const listUsersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_USERS_PAGE).default(20),
  cursor: z.string().min(1).max(2048).optional(),
  email: z.string().trim().min(1).max(254).optional(),
  status: z.enum(USER_STATUS_FILTERS).optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

export const userSummary = z.object({
  username: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
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

export const inviteUserBody = z.strictObject({
  email: z.email().max(254),
  groups: z.array(z.enum(GROUP_NAMES)).max(GROUP_NAMES.length).default([]),
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
