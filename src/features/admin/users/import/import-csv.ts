import { GROUP_NAMES, INVITE_NAME_MAX, inviteUserBody, type InviteUserBody } from '@contract';
import { fromTextCell, loadCsvLibrary } from '../../../../ui/csv';
import { Problem } from '../../../../i18n/problem';

/** The columns an import reads; any other column is named in the preview and left alone. */
export const IMPORT_COLUMNS = ['email', 'groups', 'name'] as const;
type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** More than this is an import job for the AWS CLI, not a browser tab. */
export const MAX_IMPORT_ROWS = 1_000;
export const MAX_IMPORT_BYTES = 1_000_000;

/** One row of the file as read, with what it would send or why it cannot be sent. */
export interface ImportRow {
  /** Its row in a spreadsheet: the header is row 1. */
  row: number;
  email: string;
  groups: string;
  name: string;
  /** What would be sent: present exactly when there are no problems. */
  invite?: InviteUserBody;
  problems: Problem[];
}

export interface ImportPlan {
  rows: ImportRow[];
  /** Columns present in the file that the import does not read (e.g. an export's `status`). */
  ignoredColumns: string[];
}

/** A group cell: group names separated by `;` (as the export writes them) or `,`. */
const splitGroups = (cell: string) => [
  ...new Set(
    cell
      .split(/[;,]/)
      .map((group) => group.trim())
      .filter((group) => group !== ''),
  ),
];

/**
 * Reads an import file: a header row naming `email` and optionally `groups` and `name`, then
 * one user a row. Each row is checked with the contract's own schema of an invitation, so the
 * preview refuses exactly what the API would; an address given twice is a problem on its
 * second row. A file the import cannot use at all throws a `Problem`, and nothing is sent.
 */
export async function readImportFile(file: File): Promise<ImportPlan> {
  if (file.size > MAX_IMPORT_BYTES) {
    throw new Problem('import.problems.fileTooLarge', { max: '1 MB' });
  }
  const [text, csv] = await Promise.all([file.text(), loadCsvLibrary()]);
  // Not UTF-8 (Excel's "CSV" in Japan is Shift_JIS): names would arrive garbled, so refuse.
  if (text.includes('\uFFFD')) throw new Problem('import.problems.notUtf8');
  const { data, errors } = csv.default.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    skipEmptyLines: false,
  });
  const quoteError = errors.find((error) => error.type === 'Quotes');
  if (quoteError) {
    throw new Problem('import.problems.unclosedQuote', { row: String((quoteError.row ?? 0) + 1) });
  }
  return planImport(data);
}

/** The plan for rows already split into cells (the header first). */
export function planImport(data: readonly (readonly string[])[]): ImportPlan {
  const [header, ...records] = data;
  if (!header || header.every((cell) => cell.trim() === '')) {
    throw new Problem('import.problems.empty');
  }
  const columns = header.map((cell) => cell.trim().toLowerCase());
  const at = (name: ImportColumn) => columns.indexOf(name);
  if (at('email') < 0) throw new Problem('import.problems.noEmailColumn');
  const repeated = IMPORT_COLUMNS.find((name) => columns.filter((c) => c === name).length > 1);
  if (repeated) throw new Problem('import.problems.repeatedColumn', { column: repeated });
  const ignoredColumns = header
    .filter((_, index) => !(IMPORT_COLUMNS as readonly string[]).includes(columns[index] ?? ''))
    .map((cell) => cell.trim())
    .filter((cell) => cell !== '');

  const rows: ImportRow[] = [];
  const firstRowOf = new Map<string, number>();
  records.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    const cell = (name: ImportColumn) =>
      at(name) < 0 ? '' : fromTextCell((cells[at(name)] ?? '').trim());
    const row = planRow(index + 2, cell('email'), cell('groups'), cell('name'));
    if (row.invite) {
      const key = row.invite.email.toLowerCase();
      const first = firstRowOf.get(key);
      if (first === undefined) firstRowOf.set(key, row.row);
      else {
        row.problems.push(new Problem('import.problems.duplicate', { row: String(first) }));
        delete row.invite;
      }
    }
    rows.push(row);
  });
  if (rows.length === 0) throw new Problem('import.problems.noRows');
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new Problem('import.problems.tooManyRows', {
      rows: String(rows.length),
      max: String(MAX_IMPORT_ROWS),
    });
  }
  return { rows, ignoredColumns };
}

function planRow(row: number, emailCell: string, groupsCell: string, nameCell: string): ImportRow {
  const email = emailCell.trim();
  const groups = splitGroups(groupsCell);
  const name = nameCell.trim();
  const planned: ImportRow = { row, email, groups: groupsCell.trim(), name, problems: [] };
  const parsed = inviteUserBody.safeParse({ email, groups, ...(name ? { name } : {}) });
  if (parsed.success) {
    planned.invite = parsed.data;
    return planned;
  }
  const seen = new Set<string>();
  for (const issue of parsed.error.issues) {
    const problem = problemOf(issue.path, email, groups, name);
    if (!seen.has(problem.key + JSON.stringify(problem.values))) {
      seen.add(problem.key + JSON.stringify(problem.values));
      planned.problems.push(problem);
    }
  }
  return planned;
}

/** The schema's complaint about one field, as the sentence the preview shows beside the row. */
function problemOf(
  path: readonly PropertyKey[],
  email: string,
  groups: readonly string[],
  name: string,
): Problem {
  const [field, index] = path;
  if (field === 'email') {
    return email === ''
      ? new Problem('import.problems.noEmail')
      : new Problem('import.problems.email', { email });
  }
  if (field === 'groups' && typeof index === 'number') {
    return new Problem('import.problems.group', {
      group: groups[index] ?? '',
      groups: GROUP_NAMES.join(', '),
    });
  }
  if (field === 'groups') return new Problem('import.problems.tooManyGroups');
  if (field === 'name') {
    return new Problem('import.problems.nameTooLong', {
      length: String(name.length),
      max: String(INVITE_NAME_MAX),
    });
  }
  return new Problem('import.problems.invalid');
}
