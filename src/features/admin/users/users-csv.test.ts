import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { asTextCell } from '../../../ui/csv';
import { usersCsv, usersCsvFilename, type ExportedUser } from './users-csv';

function exported(email: string, changes: Partial<ExportedUser> = {}): ExportedUser {
  return {
    username: `u-${email}`,
    email,
    emailVerified: true,
    enabled: true,
    status: 'CONFIRMED',
    mfaEnabled: false,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-02T10:30:00.000Z',
    groups: [],
    ...changes,
  };
}

/** The CSV's lines as a spreadsheet reads them: each a row of cells (the mark is no cell). */
const cellsOf = (csv: string) =>
  Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { newline: '\r\n', skipEmptyLines: true }).data;

describe('the users CSV', () => {
  it('has a byte-order mark, a header row, then one row a user with groups joined by “;”, every cell quoted', async () => {
    const csv = await usersCsv([
      exported('carol@example.com', { groups: ['admin', 'general'], mfaEnabled: true }),
      exported('bob@example.com', { enabled: false, status: 'FORCE_CHANGE_PASSWORD' }),
    ]);
    expect(csv).toBe(
      '\uFEFF' +
        [
          '"email","status","enabled","groups","mfa","created","last_changed"',
          '"carol@example.com","CONFIRMED","true","admin;general","true","2026-11-01T09:00:00.000Z","2026-11-02T10:30:00.000Z"',
          '"bob@example.com","FORCE_CHANGE_PASSWORD","false","","false","2026-11-01T09:00:00.000Z","2026-11-02T10:30:00.000Z"',
          '',
        ].join('\r\n'),
    );
  });

  it('is only the header when no user matched', async () => {
    expect(await usersCsv([])).toBe(
      '\uFEFF"email","status","enabled","groups","mfa","created","last_changed"\r\n',
    );
  });

  it('quotes cells with commas, quotes and line breaks, so each stays one cell', async () => {
    const tricky = [
      '"quoted"@example.com',
      'a,b@example.com',
      'semi;colon@example.com',
      'two\r\nlines@example.com',
    ];
    const csv = await usersCsv(tricky.map((email) => exported(email)));
    expect(csv).toContain('"""quoted""@example.com"');
    expect(csv).toContain('"a,b@example.com"');
    expect(csv).toContain('"semi;colon@example.com"');
    expect(cellsOf(csv).map((row) => row[0])).toEqual(['email', ...tricky]);
    expect(cellsOf(csv).every((row) => row.length === 7)).toBe(true);
  });

  it('starts with an apostrophe every e-mail a spreadsheet would run as a formula', async () => {
    const attacks = [
      '=HYPERLINK("https://evil.example","x")@example.com',
      '+1+cmd|calc!A0@example.com',
      '-2+3@example.com',
      '@SUM(1+1)@example.com',
      '\t=1@example.com',
      '\r=1@example.com',
      '\0=1@example.com',
    ];
    const csv = await usersCsv([...attacks, 'plain@example.com'].map((email) => exported(email)));
    const emails = cellsOf(csv)
      .slice(1)
      .map((row) => row[0]);
    expect(emails).toEqual([...attacks.map((email) => `'${email}`), 'plain@example.com']);
  });

  it('guards a cell only at its start: a formula sign inside is harmless', () => {
    expect(asTextCell('a=b+c-d@example.com')).toBe('a=b+c-d@example.com');
    expect(asTextCell('=cmd\n@example.com')).toBe("'=cmd\n@example.com");
  });

  it('is named for the minute of the export, in UTC, without colons', () => {
    expect(usersCsvFilename(new Date('2026-12-01T09:30:59.999Z'))).toBe(
      'users-2026-12-01T09-30.csv',
    );
  });
});
