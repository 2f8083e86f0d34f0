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
 * What a spreadsheet takes for the start of a formula (OWASP's CSV injection list, and ASVS
 * 1.2.10's NUL): `=`, `+`, `-`, `@`, tab, carriage return and NUL. An e-mail address may start
 * with any of the first four.
 */
const FORMULA_START = /^[=+\-@\t\r\0]/;

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

/** The byte-order mark: without it, Excel reads UTF-8 as the system's code page (CP932 in Japan). */
const BOM = '\uFEFF';

const importCsvLibrary = () => import('papaparse');
let csvLibrary: ReturnType<typeof importCsvLibrary> | undefined;

/**
 * The CSV library, downloaded when someone exports, not with the Users screen. Started at the
 * beginning of an export (`loadCsvLibrary()`), so a failed download is known before every page
 * has been read; a failed download is asked for again next time.
 */
export function loadCsvLibrary(): ReturnType<typeof importCsvLibrary> {
  csvLibrary ??= importCsvLibrary().catch((error: unknown) => {
    csvLibrary = undefined;
    throw error;
  });
  return csvLibrary;
}

/**
 * The export as CSV text: a byte-order mark, then RFC 4180 lines ending in CRLF, every cell
 * quoted (so a `;` in a cell never splits it where `;` separates a spreadsheet's lists).
 */
export async function usersCsv(users: readonly ExportedUser[]): Promise<string> {
  // A CommonJS module: its exports are its default, in the bundle and in Node alike.
  const { unparse } = (await loadCsvLibrary()).default;
  const text = unparse(
    { fields: [...USERS_CSV_COLUMNS], data: usersCsvRows(users) },
    { newline: CRLF, quotes: true },
  );
  // papaparse ends the header alone with a line break, and rows without: end every line alike.
  return BOM + (text.endsWith(CRLF) ? text : text + CRLF);
}

/**
 * `users-2026-12-01T09-30.csv`: the time of the export in UTC, like the dates inside, with
 * `-` for `:`, which file systems refuse.
 */
export const usersCsvFilename = (at: Date): string =>
  `users-${at.toISOString().slice(0, 16).replace(':', '-')}.csv`;
