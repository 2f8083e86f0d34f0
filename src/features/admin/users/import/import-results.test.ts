import { describe, expect, it } from 'vitest';
import { person } from '../../../../testing/people';
import { englishI18n } from '../../../../testing/render-screen';
import { planImport } from './import-csv';
import { importResultOf, importResultsRows } from './import-results';

const { rows } = planImport([
  ['email', 'groups'],
  ['ada@example.com', 'helpdesk;general'],
]);

describe('an import row’s result', () => {
  it('is “invited without groups” when a group the row named is missing, and says which', async () => {
    const { t } = await englishI18n();
    const result = importResultOf(
      rows[0]!,
      { state: 'done', value: { ...person('ada'), groups: ['helpdesk'] } },
      t,
    );
    expect(result).toEqual({
      kind: 'incomplete',
      detail: 'not added to general (Cognito was busy): add it on their page',
    });
    expect(importResultsRows(rows, [result])[0]).toEqual([
      '2',
      'ada@example.com',
      'helpdesk;general',
      '',
      'invited_without_groups',
      'not added to general (Cognito was busy): add it on their page',
    ]);
  });
});
