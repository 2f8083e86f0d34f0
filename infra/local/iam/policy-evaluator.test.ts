import { describe, expect, it } from 'vitest';
import { groupRolePolicy, type PolicyDocument } from '../../../src/contract';
import { evaluate } from './policy-evaluator';

const stage = {
  region: 'ap-northeast-1',
  accountId: '000000000000',
  apiId: 'abc123',
  stage: 'local',
};
const arn = (method: string, path: string) =>
  `arn:aws:execute-api:ap-northeast-1:000000000000:abc123/local/${method}${path}`;
const invoke = 'execute-api:Invoke';

describe('IAM evaluation of execute-api:Invoke', () => {
  it('allows the admin role on its routes, with parameters matched by wildcards', () => {
    const policy = groupRolePolicy('admin', stage);
    expect(evaluate([policy], invoke, arn('GET', '/admin/users'))).toBe('Allow');
    expect(evaluate([policy], invoke, arn('PUT', '/admin/users/u-1/groups/admin'))).toBe('Allow');
    expect(evaluate([policy], 'EXECUTE-API:invoke', arn('GET', '/admin/whoami'))).toBe('Allow');
  });

  it('denies implicitly what no statement allows: other methods, paths, stages, the general role', () => {
    const policy = groupRolePolicy('admin', stage);
    expect(evaluate([policy], invoke, arn('PATCH', '/admin/users'))).toBe('ImplicitDeny');
    expect(evaluate([policy], invoke, arn('GET', '/admin/secrets'))).toBe('ImplicitDeny');
    expect(
      evaluate([policy], invoke, arn('GET', '/admin/users').replace('/local/', '/prod/')),
    ).toBe('ImplicitDeny');
    expect(evaluate([policy], 'execute-api:ManageConnections', arn('GET', '/admin/users'))).toBe(
      'ImplicitDeny',
    );
    expect(evaluate([groupRolePolicy('general', stage)], invoke, arn('GET', '/admin/users'))).toBe(
      'ImplicitDeny',
    );
  });

  it('lets an explicit Deny win over any Allow', () => {
    const denyDelete: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: 'execute-api:*', Resource: arn('DELETE', '/admin/*') }],
    };
    const policies = [groupRolePolicy('admin', stage), denyDelete];
    expect(evaluate(policies, invoke, arn('DELETE', '/admin/users/u-1'))).toBe('ExplicitDeny');
    expect(evaluate(policies, invoke, arn('GET', '/admin/users/u-1'))).toBe('Allow');
  });

  it('treats ? as one character and keeps regex characters literal', () => {
    const policy: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'execute-api:Invok?', Resource: [arn('GET', '/a.b')] },
      ],
    };
    expect(evaluate([policy], invoke, arn('GET', '/a.b'))).toBe('Allow');
    expect(evaluate([policy], invoke, arn('GET', '/aXb'))).toBe('ImplicitDeny');
  });
});
