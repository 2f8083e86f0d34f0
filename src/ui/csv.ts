const CRLF = '\r\n';

/** The byte-order mark: without it, Excel reads UTF-8 as the system's code page (CP932 in Japan). */
const BOM = '\uFEFF';

/**
 * What a spreadsheet takes for the start of a formula (OWASP's CSV injection list, and ASVS
 * 1.2.10's NUL): `=`, `+`, `-`, `@`, tab, carriage return and NUL. An e-mail address may start
 * with any of the first four.
 */
const FORMULA_START = /^[=+\-@\t\r\0]/;

/**
 * A cell a spreadsheet shows as text: one that would start a formula gets a leading `'`, as
 * OWASP advises, so opening a file never runs what someone put in an e-mail address.
 */
export const asTextCell = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);

/**
 * A cell as it was before `asTextCell`: the `'` it put before a formula's first character is
 * taken off, so a file this console wrote reads back as what was written (`'+ops@…` is
 * `+ops@…`). Any other `'` is the cell's own.
 */
export const fromTextCell = (cell: string): string =>
  cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;

const importCsvLibrary = () => import('papaparse');
let csvLibrary: ReturnType<typeof importCsvLibrary> | undefined;

/**
 * The CSV library (papaparse), downloaded when someone imports or exports, not with the Users
 * screen. Start it at the beginning of a run, so a failed download is known before the work is
 * done; a failed download is asked for again next time.
 */
export function loadCsvLibrary(): ReturnType<typeof importCsvLibrary> {
  csvLibrary ??= importCsvLibrary().catch((error: unknown) => {
    csvLibrary = undefined;
    throw error;
  });
  return csvLibrary;
}

/**
 * A CSV file's text: a byte-order mark, then RFC 4180 lines ending in CRLF, every cell quoted
 * (so a `;` in a cell never splits it where `;` separates a spreadsheet's lists) and guarded
 * against formulas.
 */
export async function csvText(
  fields: readonly string[],
  rows: readonly (readonly string[])[],
): Promise<string> {
  // A CommonJS module: its exports are its default, in the bundle and in Node alike.
  const { unparse } = (await loadCsvLibrary()).default;
  const text = unparse(
    { fields: [...fields], data: rows.map((row) => row.map(asTextCell)) },
    { newline: CRLF, quotes: true },
  );
  // papaparse ends the header alone with a line break, and rows without: end every line alike.
  return BOM + (text.endsWith(CRLF) ? text : text + CRLF);
}

/**
 * `users-2026-12-01T09-30.csv`: a file name with the time in UTC, like the dates inside, with
 * `-` for `:`, which file systems refuse.
 */
export const csvFilename = (prefix: string, at: Date): string =>
  `${prefix}-${at.toISOString().slice(0, 16).replace(':', '-')}.csv`;
