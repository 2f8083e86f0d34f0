import type { StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { TFunction } from 'i18next';
import type { GroupName, UserSummary } from '@contract';
import type { ApiClient } from '../../../../api/clients';
import { useMayCall } from '../../../../auth/use-may-call';
import type { ConsoleMutation } from '../../../../api/route-queries';
import { describeError } from '../../../../ui/describe-error';
import type { RowOutcome } from '../../batch/run-batch';

/** What can be done to many selected users at once, in the order the menu offers it. */
export const BULK_ACTIONS = [
  'disable',
  'enable',
  'addToGroup',
  'removeFromGroup',
  'delete',
] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/**
 * The admin route each action calls once per user: a role that may not call it is not
 * offered it, and what it makes stale is the contract's to say (`staleAfter`).
 */
export const BULK_ROUTES = {
  disable: 'disableUser',
  enable: 'enableUser',
  addToGroup: 'addUserToGroup',
  removeFromGroup: 'removeUserFromGroup',
  delete: 'deleteUser',
} as const satisfies Record<BulkAction, ConsoleMutation>;

/** Whether the acting role may take any bulk action: the table offers multi-selection then. */
export function useMayActInBulk(): boolean {
  const mayCall = useMayCall();
  return BULK_ACTIONS.some((action) => mayCall(BULK_ROUTES[action]));
}

export const needsGroup = (action: BulkAction): action is 'addToGroup' | 'removeFromGroup' =>
  action === 'addToGroup' || action === 'removeFromGroup';

/** One user's call of the action, carrying the run's id for the audit log (`BATCH_HEADER`). */
export function performBulkAction(
  api: ApiClient,
  action: BulkAction,
  { username }: Pick<UserSummary, 'username'>,
  group: GroupName | undefined,
  batch: string,
): Promise<unknown> {
  const init = { batch };
  if (needsGroup(action)) {
    if (!group) return Promise.reject(new Error(`${action} needs a group`));
    const params = { username, group };
    return action === 'addToGroup'
      ? api('addUserToGroup', { params }, init)
      : api('removeUserFromGroup', { params }, init);
  }
  const params = { username };
  switch (action) {
    case 'disable':
      return api('disableUser', { params }, init);
    case 'enable':
      return api('enableUser', { params }, init);
    case 'delete':
      return api('deleteUser', { params }, init);
  }
}

/** A selected user, their place in the selection (1-based) and whether they are you. */
export interface BulkRow {
  row: number;
  user: UserSummary;
  /** Your own account: never sent, whatever the action (the API refuses it anyway). */
  self: boolean;
}

/** How one selected user ended; undefined while theirs is still to be sent or in flight. */
export type BulkResult =
  | { kind: 'done' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'notSent'; self: boolean }
  | undefined;

/** Each selected user's result: yours is not sent; the others' follow the run's outcomes. */
export function bulkResults(
  rows: readonly BulkRow[],
  outcomes: readonly (RowOutcome<unknown> | undefined)[],
  ran: boolean,
): BulkResult[] {
  let sent = 0;
  return rows.map((row) => {
    if (row.self) return { kind: 'notSent', self: true };
    const outcome = ran ? outcomes[sent++] : undefined;
    if (!outcome) return undefined;
    if (outcome.state === 'done') return { kind: 'done' };
    if (outcome.state === 'failed') return { kind: 'failed', error: outcome.error };
    return { kind: 'notSent', self: false };
  });
}

export function countBulkResults(results: readonly BulkResult[]) {
  const counts = { done: 0, failed: 0, notSent: 0, left: 0 };
  for (const result of results) counts[result?.kind ?? 'left']++;
  return counts;
}

/** What was done to a user, in the reader's language: "Disabled", "Added to helpdesk". */
export const doneText = (action: BulkAction, group: GroupName | undefined, t: TFunction) =>
  t(`users.bulk.${action}.done`, { group });

/**
 * Why a user's call failed, short enough for a table cell. The refusals a bulk run meets
 * (a user outranking your role, your own account, one deleted meanwhile, an address nobody
 * verified) are worded here; anything else as every other screen words it.
 */
export function failureText(error: unknown, t: TFunction): string {
  const { code, body } = (error ?? {}) as { code?: unknown; body?: unknown };
  const group = (body as { group?: unknown } | undefined)?.group;
  switch (code) {
    case 'OutranksCaller':
      if (typeof group === 'string') return t('users.bulk.failures.OutranksCaller', { group });
      break;
    case 'SelfProtection':
    case 'UserNotFoundException':
    case 'UnverifiedEmail':
      return t(`users.bulk.failures.${code}`);
  }
  return describeError(error, t).message;
}

/** A result as the results table's cell says it, and how its status shows. */
export function resultText(
  result: BulkResult,
  action: BulkAction,
  group: GroupName | undefined,
  t: TFunction,
): { status: StatusIndicatorProps.Type; text: string } {
  if (!result) return { status: 'pending', text: t('users.bulk.pending') };
  switch (result.kind) {
    case 'done':
      return { status: 'success', text: doneText(action, group, t) };
    case 'failed':
      return { status: 'error', text: failureText(result.error, t) };
    case 'notSent':
      return {
        status: 'stopped',
        text: result.self ? t('users.bulk.notSentSelf') : t('batch.notSent'),
      };
  }
}

/** The results file's columns. */
export const BULK_RESULTS_COLUMNS = ['email', 'action', 'result', 'detail'];

/** How the file names each result: stable words a script can match, whatever the language. */
const RESULT_IN_FILE = { done: 'done', failed: 'failed', notSent: 'not_sent' } as const;

/**
 * The results file's rows: the address, the route called (with the group, as
 * `addUserToGroup:helpdesk`, the audit log's name for it), how it ended, and why in words,
 * with the API's code and request id when it failed.
 */
export function bulkResultsRows(
  rows: readonly BulkRow[],
  results: readonly BulkResult[],
  action: BulkAction,
  group: GroupName | undefined,
  t: TFunction,
): string[][] {
  const actionInFile = BULK_ROUTES[action] + (needsGroup(action) && group ? `:${group}` : '');
  return rows.map((row, index) => {
    const result = results[index] ?? { kind: 'notSent', self: false };
    return [
      row.user.email,
      actionInFile,
      RESULT_IN_FILE[result.kind],
      result.kind === 'failed'
        ? failureDetail(result.error, t)
        : resultText(result, action, group, t).text,
    ];
  });
}

function failureDetail(error: unknown, t: TFunction): string {
  const { code, requestId } = (error ?? {}) as { code?: unknown; requestId?: unknown };
  return [
    failureText(error, t),
    typeof code === 'string' ? `(${code})` : '',
    typeof requestId === 'string' ? t('api.requestId', { requestId }) : '',
  ]
    .filter(Boolean)
    .join(' ');
}
