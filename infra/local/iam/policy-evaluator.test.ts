import { describe, expect, it } from 'vitest';
import { groupRolePolicy, type PolicyDocument } from '@contract';
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

describe('resource-policy principals and conditions', () => {
  const roles = [
    'arn:aws:iam::000000000000:role/ConsoleAdminRole',
    'arn:aws:iam::000000000000:role/jobs/Nightly*',
  ];
  const denyOthers = (
    condition: PolicyDocument['Statement'][number]['Condition'],
  ): PolicyDocument => ({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Deny',
        Principal: '*',
        Action: invoke,
        Resource: arn('*', '/*'),
        Condition: condition,
      },
    ],
  });
  const allowAll: PolicyDocument = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: '*', Action: invoke, Resource: '*' }],
  };
  const resource = arn('GET', '/admin/users');
  const decide = (policy: PolicyDocument, principalArn?: string) =>
    evaluate([policy], invoke, resource, { principalArn });

  it('ArnNotLike on aws:PrincipalArn denies every principal but the listed ones (NOR of the values)', () => {
    const policy = denyOthers({ ArnNotLike: { 'aws:PrincipalArn': roles } });
    expect(decide(policy, roles[0])).toBe('ImplicitDeny');
    expect(decide(policy, 'arn:aws:iam::000000000000:role/jobs/NightlyReport')).toBe(
      'ImplicitDeny',
    );
    expect(decide(policy, 'arn:aws:iam::000000000000:user/local-admin')).toBe('ExplicitDeny');
    expect(decide(policy, 'arn:aws:iam::000000000000:role/ConsoleGeneralRole')).toBe(
      'ExplicitDeny',
    );
    // Case-sensitive, and the same role name in another account is another role.
    expect(decide(policy, 'arn:aws:iam::000000000000:role/consoleadminrole')).toBe('ExplicitDeny');
    expect(decide(policy, 'arn:aws:iam::111111111111:role/ConsoleAdminRole')).toBe('ExplicitDeny');
  });

  it('compares an ARN part by part: a * never spans a colon', () => {
    const policy = denyOthers({ ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/R' } });
    expect(decide(policy, 'arn:aws:iam::000000000000:role/R')).toBe('ImplicitDeny');
    expect(decide(policy, 'arn:aws:iam::0:1:role/R')).toBe('ExplicitDeny');
    expect(decide(policy, 'not-an-arn')).toBe('ExplicitDeny');
  });

  it('lets a negated operator hold when the key is missing: an anonymous caller is denied', () => {
    const policy = denyOthers({ ArnNotLike: { 'aws:PrincipalArn': roles } });
    expect(decide(policy, undefined)).toBe('ExplicitDeny');
  });

  it('reads condition key names in any case, as IAM does', () => {
    const policy = denyOthers({ ArnNotLike: { 'AWS:PRINCIPALARN': roles } });
    expect(decide(policy, roles[0])).toBe('ImplicitDeny');
  });

  it('matches Principal "*" and {"AWS": "*"} for anyone, anonymous callers too', () => {
    expect(decide(allowAll, undefined)).toBe('Allow');
    const awsStar: PolicyDocument = {
      ...allowAll,
      Statement: [{ ...allowAll.Statement[0]!, Principal: { AWS: '*' } }],
    };
    expect(decide(awsStar, roles[0])).toBe('Allow');
  });

  // Fail closed: what the evaluator does not implement never grants and always refuses, so
  // the local stack is never looser than AWS, only possibly stricter.
  it.each([
    ['an unknown operator', { StringNotLike: { 'aws:PrincipalArn': roles } }],
    ['an IfExists variant', { ArnNotLikeIfExists: { 'aws:PrincipalArn': roles } }],
    ['a set operator', { 'ForAnyValue:ArnNotLike': { 'aws:PrincipalArn': roles } }],
    ['an operator in the wrong case', { arnnotlike: { 'aws:PrincipalArn': roles } }],
    ['a key it does not supply', { ArnNotLike: { 'aws:SourceArn': roles } }],
    [
      'names an object inherits',
      JSON.parse('{"constructor": {"__proto__": ["x"]}, "ArnNotLike": {"toString": "x"}}'),
    ],
  ])('treats %s as matching a Deny and never an Allow', (_what, condition) => {
    expect(decide(denyOthers(condition), roles[0])).toBe('ExplicitDeny');
    const allow: PolicyDocument = {
      ...allowAll,
      Statement: [{ ...allowAll.Statement[0]!, Condition: condition }],
    };
    expect(decide(allow, roles[0])).toBe('ImplicitDeny');
  });

  it('still lets a known condition that fails keep a Deny from applying', () => {
    const policy = denyOthers({
      ArnNotLike: { 'aws:PrincipalArn': roles },
      StringEquals: { 'aws:SourceVpce': 'vpce-1' },
    });
    // Every condition must hold; the known one does not, whatever the unknown one says.
    expect(decide(policy, roles[0])).toBe('ImplicitDeny');
    expect(decide(policy, 'arn:aws:iam::000000000000:user/local-admin')).toBe('ExplicitDeny');
  });

  it('treats named principals as not understood: never granted, always denied', () => {
    const named = { AWS: roles[0]! };
    const allow: PolicyDocument = {
      ...allowAll,
      Statement: [{ ...allowAll.Statement[0]!, Principal: named }],
    };
    expect(decide(allow, roles[0])).toBe('ImplicitDeny');
    const deny: PolicyDocument = {
      ...allowAll,
      Statement: [{ ...allowAll.Statement[0]!, Effect: 'Deny', Principal: named }],
    };
    expect(decide(deny, 'arn:aws:iam::000000000000:user/other')).toBe('ExplicitDeny');
  });
});
