import { App, Stack, Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acknowledgements } from './testing/acknowledgements';
import { synthConsole, type SynthesizedConsole } from './testing/synth-console';

let synthesized: SynthesizedConsole;

beforeAll(() => {
  synthesized = synthConsole({ production: false, withBuild: true });
}, 120_000);
afterAll(() => synthesized?.dispose());

describe('cdk-nag’s AwsSolutions pack', () => {
  it('finds nothing that is not acknowledged', () => {
    const report = new AwsSolutionsChecks().validateScope(synthesized.stack);
    const findings = report.violations.map(
      (v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
    );
    expect(findings).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('is acknowledged only for these rules, each where it applies', () => {
    const byRule = new Map<string, Set<string>>();
    for (const { id, path } of acknowledgements(synthesized.stack)) {
      const rule = id.replace(/\[.*$/, '');
      byRule.set(rule, new Set([...(byRule.get(rule) ?? []), path.split('/')[1]!]));
    }
    const where = Object.fromEntries([...byRule].map(([rule, paths]) => [rule, [...paths].sort()]));
    expect(where).toEqual({
      // WAF and geo restriction: cost and audience decisions, per deployment.
      'AwsSolutions-APIG3': ['AdminApi', 'GeneralApi'],
      'AwsSolutions-CFR1': ['Site'],
      'AwsSolutions-CFR2': ['Site'],
      // The default *.cloudfront.net certificate.
      'AwsSolutions-CFR4': ['Site'],
      // Validation by the handlers against the contract's schemas.
      'AwsSolutions-APIG2': ['AdminApi', 'GeneralApi'],
      // AWS_IAM by design, and CORS preflights.
      'AwsSolutions-COG4': ['AdminApi'],
      'AwsSolutions-APIG4': ['AdminApi'],
      'AwsSolutions-COG2': ['Users'],
      'AwsSolutions-COG8': ['Users'],
      // The account's API Gateway logging role and CDK's BucketDeployment provider.
      'AwsSolutions-IAM4': [
        'ApiGatewayLogging',
        'Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C',
      ],
      // Path parameters in the group roles' ARNs; the provider's grants.
      'AwsSolutions-IAM5': [
        'Access',
        'Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C',
      ],
      'AwsSolutions-L1': [
        'Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C',
        'Handlers',
      ],
      'AwsSolutions-S1': ['Site'],
      'AwsSolutions-SMG4': ['OpsToken'],
    });
  });

  it('is acknowledged with a reason a reviewer can weigh', () => {
    for (const { id, path, reason } of acknowledgements(synthesized.stack)) {
      expect(id, path).toMatch(/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
      expect(reason.length, `${id} at ${path}`).toBeGreaterThan(80);
    }
  });

  it('acknowledges wildcards in the group roles only for path parameters', () => {
    const wildcards = acknowledgements(synthesized.stack).filter(
      (a) =>
        a.id.startsWith('AwsSolutions-IAM5') &&
        a.path.startsWith(`${synthesized.stack.node.id}/Access/`),
    );
    expect(wildcards.length).toBeGreaterThan(0);
    for (const { id } of wildcards) {
      const path = /\/(?:GET|POST|PUT|DELETE)(\/.*)\]$/.exec(id)?.[1];
      expect(path, id).toBeDefined();
      // Every `*` is a whole path segment, where the contract has a `{param}`.
      expect(path!.split('/').filter((segment) => segment.includes('*'))).toEqual(
        path!.split('/').filter((segment) => segment === '*'),
      );
    }
  });

  it('fails a synth when a finding is not acknowledged', () => {
    const app = new App();
    const stack = new Stack(app, 'Careless');
    new Bucket(stack, 'OpenBucket');
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).toThrow(/AwsSolutions-S1'[\s\S]*AwsSolutions-S10'/);
  });
});
