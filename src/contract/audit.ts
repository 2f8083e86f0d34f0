import { z } from 'zod';

/** The admin mutations the audit log records, named after their routes. */
export const AUDITED_ACTIONS = [
  'inviteUser',
  'deleteUser',
  'disableUser',
  'enableUser',
  'resetUserPassword',
  'resetUserMfa',
  'addUserToGroup',
  'removeUserFromGroup',
  'postAnnouncement',
  'deleteAnnouncement',
] as const;
export type AuditedAction = (typeof AUDITED_ACTIONS)[number];

export const isAuditedAction = (name: string): name is AuditedAction =>
  (AUDITED_ACTIONS as readonly string[]).includes(name);

/**
 * An import's or bulk action's id (`BATCH_HEADER`): a UUID, kept in lower case, so the header
 * that records it and the filter that finds it agree on what an id is.
 */
export const batchId = z.uuid().transform((id) => id.toLowerCase());

export const listAuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().min(1).max(2048).optional(),
  /** The actor's e-mail address. */
  actor: z.string().trim().min(1).max(254).optional(),
  action: z.enum(AUDITED_ACTIONS).optional(),
  /** One import or bulk action: the id its requests carried (`BATCH_HEADER`). */
  batch: batchId.optional(),
});
export type ListAuditQuery = z.infer<typeof listAuditQuery>;

export const auditEntry = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  /**
   * Who did it: their user-pool `sub` (or, for an IAM caller that is no Cognito user, its ARN)
   * and their e-mail as verified at the time, or null when it was not verified.
   */
  actor: z.object({ username: z.string(), email: z.string().nullable() }),
  action: z.enum(AUDITED_ACTIONS),
  /** The user (e-mail), `user → group`, or announcement the action was on. */
  target: z.string(),
  requestId: z.string(),
  /**
   * `pending`: the action was started and its outcome never recorded (the data store failed
   * mid-request), so whether it happened is unknown. Entries are written before the action.
   */
  outcome: z.enum(['success', 'failure', 'pending']),
  /** Why a failed action failed, e.g. `UserNotFoundException`. */
  error: z.string().optional(),
  /** The import or bulk action it was part of (`BATCH_HEADER`). */
  batch: z.string().optional(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditPage = z.object({
  entries: z.array(auditEntry),
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPage>;
