import type { GroupName, UserSummary } from '@contract';

/** A user as exported: what the list says of them, and the groups they are in. */
export interface ExportedUser extends UserSummary {
  groups: readonly GroupName[];
}

const CRLF = '\r\n';

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

/**
 * What a spreadsheet takes for the start of a formula (OWASP's CSV injection list): `=`, `+`,
 * `-`, `@`, tab and carriage return. An e-mail address may start with any of the first four.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell a spreadsheet shows as text: one that would start a formula gets a leading `'`, as
 * OWASP advises, so opening the export never runs what someone put in their e-mail address.
 */
export const asTextCell = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);

/** The export's rows, one a user, each cell guarded; booleans `true`/`false`, dates as the API's. */
export function usersCsvRows(users: readonly ExportedUser[]): string[][] {
  return users.map((user) =>
    [
      user.email,
      user.status,
      String(user.enabled),
      user.groups.join(';'),
      String(user.mfaEnabled),
      user.createdAt,
      user.updatedAt,
    ].map(asTextCell),
  );
}

/**
 * The export as CSV text (RFC 4180: each line ends in CRLF; cells with commas, quotes or line
 * breaks are quoted). The CSV library is downloaded here, when someone exports, not with the
 * Users screen.
 */
export async function usersCsv(users: readonly ExportedUser[]): Promise<string> {
  // A CommonJS module: its exports are its default, in the bundle and in Node alike.
  const { unparse } = (await import('papaparse')).default;
  const text = unparse(
    { fields: [...USERS_CSV_COLUMNS], data: usersCsvRows(users) },
    { newline: CRLF },
  );
  // papaparse ends the header alone with a line break, and rows without: end every line alike.
  return text.endsWith(CRLF) ? text : text + CRLF;
}

/**
 * `users-2026-12-01T09-30.csv`: the time of the export in UTC, like the dates inside, with
 * `-` for `:`, which file systems refuse.
 */
export const usersCsvFilename = (at: Date): string =>
  `users-${at.toISOString().slice(0, 16).replace(':', '-')}.csv`;
