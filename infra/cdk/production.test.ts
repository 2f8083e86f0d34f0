import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLES, type TableName } from '../functions/shared/tables';
import {
  logicalIdOf,
  resourcesOfType,
  synthConsole,
  type SynthesizedConsole,
} from './testing/synth-console';

/** A production stack synthesized on a fresh clone: `-c stage=… -c production=true`, no dist/. */
let synthesized: SynthesizedConsole;

beforeAll(() => {
  synthesized = synthConsole({ production: true, withBuild: false });
}, 120_000);
afterAll(() => synthesized?.dispose());

const resource = (construct: Parameters<typeof logicalIdOf>[1]) =>
  synthesized.resources[logicalIdOf(synthesized.stack, construct)]!;

describe('a production stack', () => {
  it('keeps the user pool and refuses to delete it', () => {
    const pool = resource(synthesized.stack.users.userPool);
    expect(pool.Properties!.DeletionProtection).toBe('ACTIVE');
    expect(pool.DeletionPolicy).toBe('Retain');
    expect(pool.UpdateReplacePolicy).toBe('Retain');
  });

  it.each(Object.keys(TABLES) as TableName[])('keeps the %s table and its data', (name) => {
    const table = resource(synthesized.stack.data.tables[name]);
    expect(table.Properties!.DeletionProtectionEnabled).toBe(true);
    expect(table.DeletionPolicy).toBe('Retain');
  });

  it('keeps its logs and the ops token, and has termination protection', () => {
    for (const [id, logGroup] of resourcesOfType(synthesized.resources, 'AWS::Logs::LogGroup')) {
      // Only the BucketDeployment provider's own log is disposable.
      if (id.startsWith('SiteContentDeploymentLogs')) continue;
      expect(logGroup.DeletionPolicy, id).toBe('Retain');
    }
    expect(resource(synthesized.stack.opsToken).DeletionPolicy).toBe('Retain');
    expect(synthesized.stack.terminationProtection).toBe(true);
  });

  it('is clean under cdk-nag’s AwsSolutions pack too', () => {
    const report = new AwsSolutionsChecks().validateScope(synthesized.stack);
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
  });
});

describe('a stack synthesized without an SPA build', () => {
  it('deploys only config.json, and warns that the site has no build', () => {
    const deployments = resourcesOfType(synthesized.resources, 'Custom::CDKBucketDeployment');
    expect(deployments).toHaveLength(1);
    const [, entry] = deployments[0]!;
    expect(entry.Properties!.SourceObjectKeys).toHaveLength(1);
    expect(Object.values((entry.Properties!.SourceMarkers as object[])[0]!)).not.toEqual([]);
    Annotations.fromStack(synthesized.stack).hasWarning(
      '*',
      Match.stringLikeRegexp('No SPA build .*serve only config.json'),
    );
  });
});
