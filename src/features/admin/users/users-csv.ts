import type { GroupName, UserSummary } from '@contract';
import { csvFilename, csvText } from '../../../ui/csv';

/** A user as exported: what the list says of them, and the groups they are in. */
export interface ExportedUser extends UserSummary {
  groups: readonly GroupName[];
}

/** The export's columns, in order: its header row. */
export const USERS_CSV_COLUMNS = [
  'email',
  'status',
  'enabled',
  'groups',
  'mfa',
  'created',
  'last_changed',
] as const;

/** The export's rows, one a user; booleans `true`/`false`, dates as the API's. */
export function usersCsvRows(users: readonly ExportedUser[]): string[][] {
  return users.map((user) => [
    user.email,
    user.status,
    String(user.enabled),
    user.groups.join(';'),
    String(user.mfaEnabled),
    user.createdAt,
    user.updatedAt,
  ]);
}

/** The export as CSV text (see `csvText`). */
export const usersCsv = (users: readonly ExportedUser[]): Promise<string> =>
  csvText(USERS_CSV_COLUMNS, usersCsvRows(users));

/** `users-2026-12-01T09-30.csv`. */
export const usersCsvFilename = (at: Date): string => csvFilename('users', at);
