import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REGION,
  NOBODY_CIDR,
  readDeploymentSettings,
  stackNameOf,
} from './deployment-settings';

const read = (context: Record<string, string>, env: NodeJS.ProcessEnv = {}) =>
  readDeploymentSettings((key) => context[key], env);

describe('deployment settings', () => {
  it('default to a development stage that lets nobody call the ops API', () => {
    expect(read({})).toEqual({
      stage: 'dev',
      production: false,
      region: DEFAULT_REGION,
      account: undefined,
      opsAllowedCidrs: NOBODY_CIDR,
      adminApiAutomationRoles: [],
    });
    expect(stackNameOf('dev')).toBe('CognitoIamConsole-dev');
  });

  it('treat the prod stage as production unless told otherwise', () => {
    expect(read({ stage: 'prod' }).production).toBe(true);
    expect(read({ stage: 'prod', production: 'false' }).production).toBe(false);
    expect(read({ stage: 'staging', production: 'true' }).production).toBe(true);
  });

  it('take region and account from context first, then from the CDK CLI', () => {
    const cli = { CDK_DEFAULT_REGION: 'eu-west-1', CDK_DEFAULT_ACCOUNT: '111122223333' };
    expect(read({}, cli)).toMatchObject({ region: 'eu-west-1', account: '111122223333' });
    expect(read({ region: 'us-east-2', account: '444455556666' }, cli)).toMatchObject({
      region: 'us-east-2',
      account: '444455556666',
    });
  });

  it('accept a list of IPv4 and IPv6 CIDRs, and refuse anything else', () => {
    expect(read({ opsAllowedCidrs: '203.0.113.0/24, 2001:db8::/32' }).opsAllowedCidrs).toBe(
      '203.0.113.0/24,2001:db8::/32',
    );
    expect(() => read({ opsAllowedCidrs: 'everyone' })).toThrow(/comma-separated CIDRs/);
    expect(() => read({ opsAllowedCidrs: '10.0.0.1' })).toThrow(/comma-separated CIDRs/);
  });

  it('name automation roles of the stack’s account for the admin API, and refuse anything else', () => {
    const nightly = 'arn:aws:iam::111122223333:role/jobs/NightlyReport';
    const deploy = 'arn:aws:iam::111122223333:role/Deployer';
    expect(
      read({ account: '111122223333', adminApiAutomationRoles: ` ${nightly}, ${deploy},` })
        .adminApiAutomationRoles,
    ).toEqual([nightly, deploy]);
    // cdk.json may list them; an unresolved account cannot be compared yet.
    expect(
      readDeploymentSettings(
        (key) => (key === 'adminApiAutomationRoles' ? [nightly] : undefined),
        {},
      ).adminApiAutomationRoles,
    ).toEqual([nightly]);
    for (const bad of [
      'arn:aws:iam::111122223333:role/*',
      'arn:aws:iam::111122223333:user/ci',
      'NightlyReport',
    ]) {
      expect(() => read({ adminApiAutomationRoles: bad })).toThrow(
        /adminApiAutomationRoles must be comma-separated IAM role ARNs without wildcards/,
      );
    }
    expect(() => read({ account: '444455556666', adminApiAutomationRoles: nightly })).toThrow(
      /must be roles of the stack's account 444455556666/,
    );
  });

  it('refuse a stage name that cannot name a stack and an API stage', () => {
    expect(() => read({ stage: 'Prod_1' })).toThrow(/stage must be/);
  });
});
