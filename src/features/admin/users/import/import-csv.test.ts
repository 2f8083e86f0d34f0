import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS, planImport, readImportFile } from './import-csv';

const keysOf = (row: { problems: { key: string }[] }) => row.problems.map((p) => p.key);
const csvFile = (text: string) => new File([text], 'users.csv', { type: 'text/csv' });

describe('planning an import', () => {
  it('turns each row into the invitation the API takes, groups split on “;”', () => {
    const plan = planImport([
      ['Email', 'Groups', 'Name'],
      [' ada@example.com ', 'admin; general', 'Ada Lovelace'],
      ['grace@example.com', '', ''],
    ]);
    expect(plan.rows).toEqual([
      expect.objectContaining({
        row: 2,
        invite: { email: 'ada@example.com', groups: ['admin', 'general'], name: 'Ada Lovelace' },
        problems: [],
      }),
      expect.objectContaining({ row: 3, invite: { email: 'grace@example.com', groups: [] } }),
    ]);
  });

  it('shows each bad row’s problems and sends none of it', () => {
    const plan = planImport([
      ['email', 'groups', 'name'],
      ['not-an-address', 'general', ''],
      ['', 'general', ''],
      ['x@example.com', 'admins', ''],
      ['y@example.com', '', 'n'.repeat(61)],
    ]);
    expect(plan.rows.map((row) => row.invite)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(plan.rows.map(keysOf)).toEqual([
      ['import.problems.email'],
      ['import.problems.noEmail'],
      ['import.problems.group'],
      ['import.problems.nameTooLong'],
    ]);
    expect(plan.rows[2]!.problems[0]!.values).toEqual({
      group: 'admins',
      groups: 'admin, helpdesk, general',
    });
  });

  it('refuses an address given twice, in any case, on its second row', () => {
    const plan = planImport([['email'], ['ada@example.com'], ['ADA@example.com']]);
    expect(plan.rows[0]!.invite).toBeDefined();
    expect(plan.rows[1]!.invite).toBeUndefined();
    expect(plan.rows[1]!.problems[0]).toMatchObject({
      key: 'import.problems.duplicate',
      values: { row: '2' },
    });
  });

  it('keeps spreadsheet row numbers past blank lines, and names the columns it leaves alone', () => {
    const plan = planImport([
      ['email', 'status', 'groups'],
      ['a@example.com', 'CONFIRMED', 'general'],
      ['', '', ''],
      ['b@example.com', 'CONFIRMED', ''],
    ]);
    expect(plan.rows.map((row) => row.row)).toEqual([2, 4]);
    expect(plan.ignoredColumns).toEqual(['status']);
  });

  it('refuses a file it cannot use at all', () => {
    expect(() => planImport([])).toThrow('import.problems.empty');
    expect(() => planImport([['mail'], ['a@example.com']])).toThrow(
      'import.problems.noEmailColumn',
    );
    expect(() =>
      planImport([
        ['email', 'Email'],
        ['a@example.com', 'b'],
      ]),
    ).toThrow('import.problems.repeatedColumn');
    expect(() => planImport([['email'], ['']])).toThrow('import.problems.noRows');
    const many = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => [`u${i}@example.com`]);
    expect(() => planImport([['email'], ...many])).toThrow('import.problems.tooManyRows');
  });
});

describe('reading an import file', () => {
  it('reads an export’s own file back (BOM, quoted cells, CRLF)', async () => {
    const plan = await readImportFile(
      csvFile(
        '\uFEFF"email","status","groups"\r\n"ada@example.com","CONFIRMED","admin;general"\r\n',
      ),
    );
    expect(plan.rows[0]!.invite).toEqual({
      email: 'ada@example.com',
      groups: ['admin', 'general'],
    });
    expect(plan.ignoredColumns).toEqual(['status']);
  });

  it('reads back an address the export guarded against formulas as the address', async () => {
    const plan = await readImportFile(
      csvFile(`"email"\r\n"'+ops@example.com"\r\n"'o'neil@example.com"\r\n`),
    );
    expect(plan.rows.map((row) => row.invite?.email)).toEqual([
      '+ops@example.com',
      "'o'neil@example.com",
    ]);
  });

  it('refuses a file that is not UTF-8 (a Shift_JIS “CSV” from Excel) before names are garbled', async () => {
    // 田中 in Shift_JIS: not UTF-8, so the browser's decoding leaves U+FFFD in its place.
    const shiftJis = new Uint8Array([
      0x65, 0x6d, 0x61, 0x69, 0x6c, 0x2c, 0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x61, 0x40, 0x62, 0x2e,
      0x6a, 0x70, 0x2c, 0x93, 0x63, 0x92, 0x86, 0x0a,
    ]);
    await expect(readImportFile(new File([shiftJis], 'people.csv'))).rejects.toMatchObject({
      key: 'import.problems.notUtf8',
    });
  });

  it('says where a quoted cell is never closed', async () => {
    await expect(readImportFile(csvFile('email\n"ada@example.com\n'))).rejects.toMatchObject({
      key: 'import.problems.unclosedQuote',
    });
  });

  it('refuses a file over 1 MB before reading it', async () => {
    const big = csvFile(`email\n${'a'.repeat(1_000_001)}`);
    await expect(readImportFile(big)).rejects.toMatchObject({
      key: 'import.problems.fileTooLarge',
    });
  });
});
