import { describe, expect, it } from 'vitest';
import { listUsersQuery, USER_FILTER_VALUE_MAX, userFilterProblem } from './users';

/** The first problem, as the handler's 400 names it: the field and its message. */
function refusal(query: Record<string, string>) {
  const result = listUsersQuery.safeParse(query);
  if (result.success) return undefined;
  const [issue] = result.error.issues;
  return { field: issue!.path.join('.'), message: issue!.message };
}

const SUB = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('the Users list query', () => {
  it('takes an attribute with a value, trimmed, matched by prefix unless told', () => {
    expect(listUsersQuery.parse({ attribute: 'name', value: ' Ann ' })).toEqual({
      limit: 20,
      attribute: 'name',
      value: 'Ann',
    });
    expect(
      listUsersQuery.parse({ attribute: 'sub', match: 'exact', value: SUB, group: 'helpdesk' }),
    ).toMatchObject({ match: 'exact', group: 'helpdesk' });
  });

  it('wants the attribute and its value together', () => {
    expect(refusal({ attribute: 'email' })).toEqual({
      field: 'value',
      message: 'is required with attribute',
    });
    expect(refusal({ attribute: 'email', value: '   ' })).toEqual({
      field: 'value',
      message: 'is required with attribute',
    });
    expect(refusal({ value: 'ann' })).toEqual({
      field: 'attribute',
      message: 'is required with value',
    });
    expect(refusal({ match: 'exact' })).toEqual({
      field: 'attribute',
      message: 'is required with match',
    });
  });

  it('names what Cognito can filter on when given anything else', () => {
    expect(refusal({ attribute: 'custom:team', value: 'x' })).toEqual({
      field: 'attribute',
      message: expect.stringMatching(/^must be one of email, name, .*cognito:user_status$/),
    });
    expect(refusal({ attribute: 'email', match: 'contains', value: 'x' })?.field).toBe('match');
    expect(refusal({ group: 'root' })).toEqual({
      field: 'group',
      message: 'must be one of admin, helpdesk, general',
    });
  });

  it('refuses a value that can match nobody: a sub no UUID, a status Cognito has not', () => {
    expect(refusal({ attribute: 'sub', match: 'exact', value: SUB.slice(0, 8) })).toEqual({
      field: 'value',
      message: expect.stringContaining('must be a user ID (sub)'),
    });
    expect(refusal({ attribute: 'sub', value: SUB.slice(0, 8) })).toBeUndefined();
    expect(refusal({ attribute: 'sub', value: 'ann' })?.message).toContain('hexadecimal');
    expect(refusal({ attribute: 'cognito:user_status', value: 'ASLEEP' })).toEqual({
      field: 'value',
      message: expect.stringContaining('must be one of UNCONFIRMED, CONFIRMED'),
    });
  });

  it('refuses a value too long for Cognito’s 256-character filter', () => {
    const long = 'a'.repeat(USER_FILTER_VALUE_MAX + 1);
    expect(refusal({ attribute: 'email', value: long })?.message).toBe(
      `must be at most ${USER_FILTER_VALUE_MAX} characters`,
    );
    expect(refusal({ attribute: 'email', value: long.slice(1) })).toBeUndefined();
  });
});

describe('a filter value’s problem', () => {
  it('compares statuses in any case, as Cognito does, whole or by their start', () => {
    expect(userFilterProblem('cognito:user_status', 'exact', 'force_change_password')).toBe(
      undefined,
    );
    expect(userFilterProblem('cognito:user_status', 'exact', 'FORCE')).toBe('notAStatus');
    expect(userFilterProblem('cognito:user_status', 'prefix', 'force')).toBe(undefined);
  });

  it('leaves free-text attributes alone', () => {
    expect(userFilterProblem('name', 'exact', 'Ann “Nan” O\\Brien')).toBe(undefined);
    expect(userFilterProblem('username', 'prefix', 'not-a-uuid')).toBe(undefined);
  });
});
