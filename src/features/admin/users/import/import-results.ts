import type { StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { UserDetail } from '@contract';
import type { TFunction } from 'i18next';
import { say } from '../../../../i18n/problem';
import { describeError } from '../../../../ui/describe-error';
import type { RowOutcome } from '../../batch/run-batch';
import type { ImportRow } from './import-csv';

/** How a row of an import ended. */
export type ImportResultKind =
  /** Invited, in every group the row named. */
  | 'invited'
  /** Invited, but Cognito throttled adding a group: the row says which are missing. */
  | 'incomplete'
  /** A user with this address was there already: nothing was changed. */
  | 'exists'
  /** The API refused it, or it failed: the reason is given. */
  | 'refused'
  /** The file's row has problems, so it was never sent. */
  | 'invalid'
  /** Stopped before it was sent. */
  | 'notSent';

export interface ImportResult {
  kind: ImportResultKind;
  /** The reason, the missing groups or the problems, in the reader's language. */
  detail: string;
}

/** What a sent row's outcome means. An address already taken is `exists`, not a failure. */
export function importResultOf(
  row: ImportRow,
  outcome: RowOutcome<UserDetail> | undefined,
  t: TFunction,
): ImportResult | undefined {
  if (!row.invite) {
    return { kind: 'invalid', detail: row.problems.map((p) => say(t, p)).join(' ') };
  }
  if (outcome === undefined) return undefined;
  if (outcome.state === 'notSent') return { kind: 'notSent', detail: '' };
  if (outcome.state === 'failed') {
    if ((outcome.error as { code?: unknown }).code === 'UsernameExistsException') {
      return { kind: 'exists', detail: '' };
    }
    return { kind: 'refused', detail: describeError(outcome.error, t).message };
  }
  const missing = row.invite.groups.filter((group) => !outcome.value.groups.includes(group));
  return missing.length
    ? {
        kind: 'incomplete',
        detail: t('import.results.missingGroups', { groups: missing.join(', ') }),
      }
    : { kind: 'invited', detail: '' };
}

export const IMPORT_RESULT_STATUS: Record<ImportResultKind, StatusIndicatorProps.Type> = {
  invited: 'success',
  incomplete: 'warning',
  exists: 'info',
  refused: 'error',
  invalid: 'stopped',
  notSent: 'stopped',
};

/** How many rows ended each way, and how many are still to go. */
export function countResults(results: readonly (ImportResult | undefined)[]) {
  const counts: Record<ImportResultKind | 'left', number> = {
    invited: 0,
    incomplete: 0,
    exists: 0,
    refused: 0,
    invalid: 0,
    notSent: 0,
    left: 0,
  };
  for (const result of results) counts[result?.kind ?? 'left']++;
  return counts;
}

/** How the results file names each result: stable words a script can match. */
const RESULT_IN_FILE: Record<ImportResultKind, string> = {
  invited: 'invited',
  incomplete: 'invited_without_groups',
  exists: 'already_exists',
  refused: 'refused',
  invalid: 'not_sent',
  notSent: 'not_sent',
};

/** The results file's columns: the row as given, then how it ended. */
export const IMPORT_RESULTS_COLUMNS = ['row', 'email', 'groups', 'name', 'result', 'detail'];

export function importResultsRows(
  rows: readonly ImportRow[],
  results: readonly (ImportResult | undefined)[],
): string[][] {
  return rows.map((row, index) => [
    String(row.row),
    row.email,
    row.groups,
    row.name,
    RESULT_IN_FILE[results[index]?.kind ?? 'notSent'],
    results[index]?.detail ?? '',
  ]);
}
