import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adminRoutesOf, outrankingGroup } from './group-access';
import { GROUP_NAMES, GROUPS } from './groups';
import { routesOf } from './routes';

describe('outrankingGroup: nobody acts on someone more privileged than their role', () => {
  it('names the admin group of a target a helpdesk role would act on', () => {
    expect(outrankingGroup(['admin'], 'helpdesk')).toBe('admin');
    expect(outrankingGroup(['general', 'helpdesk', 'admin'], 'helpdesk')).toBe('admin');
  });

  it('names the most privileged group when several outrank the role', () => {
    expect(outrankingGroup(['helpdesk', 'admin'], 'general')).toBe('admin');
  });

  it('lets a role act on its equals and on those below it', () => {
    expect(outrankingGroup(['helpdesk'], 'helpdesk')).toBeUndefined();
    expect(outrankingGroup(['general'], 'helpdesk')).toBeUndefined();
    expect(outrankingGroup([], 'helpdesk')).toBeUndefined();
  });

  it('lets the admin role act on anyone', () => {
    expect(outrankingGroup(['admin', 'helpdesk', 'general'], 'admin')).toBeUndefined();
  });

  it('ignores group names the contract does not define', () => {
    expect(outrankingGroup(['toString', 'superusers'], 'general')).toBeUndefined();
  });
});

/** The README's Roles section: each table's rows of trimmed cells, separator rows left out. */
function readmeTables(): string[][][] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = /\n## Roles\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
  const tables: string[][][] = [];
  let table: string[][] | undefined;
  for (const line of section.split('\n')) {
    if (!line.startsWith('|')) {
      table = undefined;
      continue;
    }
    if (!table) tables.push((table = []));
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    if (!cells.every((cell) => /^-+$/.test(cell))) table.push(cells);
  }
  return tables;
}

/** A table as markdown, for the failure message: what to paste into the README. */
const markdown = (rows: string[][]) => rows.map((row) => `| ${row.join(' | ')} |`).join('\n');

describe("the README's Roles tables say what the contract says", () => {
  const [groups, routes] = readmeTables();

  it('lists every group with its precedence and role', () => {
    const expected = [
      ['Group', 'Precedence', 'IAM role', 'Who'],
      ...GROUP_NAMES.map((name) => [
        name,
        String(GROUPS[name].precedence),
        `\`${GROUPS[name].roleName}\``,
        GROUPS[name].description,
      ]),
    ];
    expect(groups, `README's groups table should be:\n${markdown(expected)}`).toEqual(expected);
  });

  it('marks each admin route callable by exactly the groups the contract gives it', () => {
    const expected = [
      ['Route', 'Method and path', ...GROUP_NAMES],
      ...routesOf('admin').map(([name, route]) => [
        name,
        `\`${route.method} ${route.path}\``,
        ...GROUP_NAMES.map((group) => (adminRoutesOf(group).includes(name) ? 'yes' : 'no')),
      ]),
    ];
    expect(routes, `README's routes table should be:\n${markdown(expected)}`).toEqual(expected);
  });
});
