import { describe, expect, it } from 'vitest';
import { adminApiCallerArns, adminApiResourcePolicy, roleArn, type ApiStage } from '@contract';
import { GatewayResponse } from './gateway-response';
import { ApiResourcePolicy, combinedDecision, invokedArn } from './resource-policy';

const stage: ApiStage = {
  region: 'ap-northeast-1',
  accountId: '000000000000',
  apiId: 'abc123',
  stage: 'local',
};
const NIGHTLY = 'arn:aws:iam::000000000000:role/jobs/NightlyReport';
const policy = new ApiResourcePolicy(
  adminApiResourcePolicy({ accountId: stage.accountId, automationRoleArns: [NIGHTLY] }),
  stage,
);
const at = (method: string, path = '/admin/users') => invokedArn(stage, method, path);

describe('the admin API’s resource policy, as the local gateway holds it', () => {
  it('denies explicitly every signed call by a principal it does not name', () => {
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD']) {
      expect(policy.decide('arn:aws:iam::000000000000:user/local-admin', at(method))).toBe(
        'ExplicitDeny',
      );
      expect(policy.decide('arn:aws:iam::000000000000:role/SomeOtherRole', at(method))).toBe(
        'ExplicitDeny',
      );
    }
    expect(policy.decide('arn:aws:iam::000000000000:role/jobs/NightlyReportOld', at('GET'))).toBe(
      'ExplicitDeny',
    );
  });

  it('grants nothing to the roles it names: their own policies decide', () => {
    for (const arn of [roleArn(stage.accountId, 'admin'), roleArn(stage.accountId, 'general')]) {
      expect(policy.decide(arn, at('DELETE', '/admin/users/u-1'))).toBe('ImplicitDeny');
    }
    expect(policy.decide(NIGHTLY, at('GET', '/'))).toBe('ImplicitDeny');
  });

  it('allows anyone the preflights, which carry no credentials', () => {
    expect(policy.decide(undefined, at('OPTIONS'))).toBe('Allow');
    expect(() => policy.authorizeAnonymous('OPTIONS', '/admin/users/{username}')).not.toThrow();
  });

  it('refuses an anonymous call to a signed method as API Gateway words it', () => {
    let refusal: unknown;
    try {
      policy.authorizeAnonymous('GET', '/admin/users');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(GatewayResponse);
    expect(refusal).toMatchObject({
      status: 403,
      errorType: 'AccessDeniedException',
      bodyKey: 'Message',
      message:
        'User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:ap-northeast-1:********0000:abc123/local/GET/admin/users with an explicit deny',
    });
  });

  it('applies to this API only: the execute-api:/ shorthand names its own ARN', () => {
    const otherApi = at('GET').replace(':abc123/', ':other99/');
    expect(policy.decide('arn:aws:iam::000000000000:user/local-admin', otherApi)).toBe(
      'ImplicitDeny',
    );
  });
});

describe('the callers a deployer may name', () => {
  it('are the group roles, then the automation roles', () => {
    expect(
      adminApiCallerArns({ accountId: '123456789012', automationRoleArns: [NIGHTLY] }),
    ).toEqual([
      'arn:aws:iam::123456789012:role/ConsoleAdminRole',
      'arn:aws:iam::123456789012:role/ConsoleHelpdeskRole',
      'arn:aws:iam::123456789012:role/ConsoleGeneralRole',
      NIGHTLY,
    ]);
  });

  it.each([
    'arn:aws:iam::000000000000:role/*',
    'arn:aws:iam::000000000000:role/Nightly?',
    'arn:aws:iam::000000000000:user/local-admin',
    'arn:aws:sts::000000000000:assumed-role/R/session',
    'arn:aws:iam::0000:role/R',
    'ConsoleAdminRole',
  ])('refuse %s: only a plain role ARN, never a pattern', (arn) => {
    expect(() =>
      adminApiCallerArns({ accountId: '000000000000', automationRoleArns: [arn] }),
    ).toThrow(/Automation roles must be IAM role ARNs without wildcards/);
  });
});

describe('how API Gateway combines the two policies', () => {
  const decisions = ['Allow', 'ImplicitDeny', 'ExplicitDeny'] as const;

  it('in the API’s own account: either may allow, an explicit deny wins (Table A)', () => {
    const table = decisions.flatMap((identity) =>
      decisions.map((resource) => [identity, resource, combinedDecision(identity, resource, true)]),
    );
    expect(table).toEqual([
      ['Allow', 'Allow', 'Allow'],
      ['Allow', 'ImplicitDeny', 'Allow'],
      ['Allow', 'ExplicitDeny', 'ExplicitDeny'],
      ['ImplicitDeny', 'Allow', 'Allow'],
      ['ImplicitDeny', 'ImplicitDeny', 'ImplicitDeny'],
      ['ImplicitDeny', 'ExplicitDeny', 'ExplicitDeny'],
      ['ExplicitDeny', 'Allow', 'ExplicitDeny'],
      ['ExplicitDeny', 'ImplicitDeny', 'ExplicitDeny'],
      ['ExplicitDeny', 'ExplicitDeny', 'ExplicitDeny'],
    ]);
  });

  it('from another account: both must allow (Table B)', () => {
    expect(combinedDecision('Allow', 'ImplicitDeny', false)).toBe('ImplicitDeny');
    expect(combinedDecision('ImplicitDeny', 'Allow', false)).toBe('ImplicitDeny');
    expect(combinedDecision('Allow', 'Allow', false)).toBe('Allow');
  });
});
