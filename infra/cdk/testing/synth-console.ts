import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { createConsoleApp } from '../console-app';
import type { ConsoleStack } from '../console-stack';
import type { IntrinsicValues } from './intrinsics';

export const TEST_ACCOUNT = '123456789012';
export const TEST_REGION = 'ap-northeast-1';
export const TEST_STAGE = 'test';

export interface CfnResourceJson {
  Type: string;
  Properties?: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  DependsOn?: string[];
}

export interface SynthesizedConsole {
  stack: ConsoleStack;
  template: Template;
  resources: Record<string, CfnResourceJson>;
  /** Where the cloud assembly (templates and staged assets) was written. */
  assemblyDir: string;
  /** The stand-in SPA build that was deployed, if any. */
  buildDir: string | undefined;
  /** Deletes the temporary directory (assembly and stand-in build). */
  dispose(): void;
}

/**
 * Synthesizes the console stack as `npm run synth` does (same cdk.json feature flags, real
 * esbuild bundling), for a fixed account and region, into a temporary directory. `withBuild`
 * gives it a small stand-in for `dist/`, so the tests never depend on a concurrent build.
 */
export interface SynthOptions {
  production: boolean;
  withBuild: boolean;
  /** More CDK context, as `-c key=value` gives it. */
  context?: Record<string, string>;
}

/**
 * One synthesis per distinct options for the whole test process: the CDK test files run in one
 * process without isolation (vitest.config.ts), and each synthesis (with esbuild bundling) takes
 * seconds. The stacks are only read, never changed. Their temporary directories go at exit.
 */
const synthesized = new Map<string, SynthesizedConsole>();

export function synthConsole(options: SynthOptions): SynthesizedConsole {
  const key = JSON.stringify(options);
  let result = synthesized.get(key);
  if (!result) {
    const fresh = synthesizeOnce(options);
    process.once('exit', fresh.dispose);
    result = { ...fresh, dispose: () => {} };
    synthesized.set(key, result);
  }
  return result;
}

function synthesizeOnce(options: SynthOptions): SynthesizedConsole {
  const root = mkdtempSync(join(tmpdir(), 'console-cdk-'));
  const buildDir = options.withBuild ? fakeBuild(join(root, 'dist')) : undefined;
  const { stack } = createConsoleApp({
    context: {
      account: TEST_ACCOUNT,
      region: TEST_REGION,
      stage: TEST_STAGE,
      production: String(options.production),
      ...options.context,
    },
    outdir: join(root, 'cdk.out'),
    buildDir,
    nag: false,
  });
  const template = Template.fromStack(stack);
  const resources = template.toJSON().Resources as Record<string, CfnResourceJson>;
  return {
    stack,
    template,
    resources,
    assemblyDir: join(root, 'cdk.out'),
    buildDir,
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

function fakeBuild(dir: string): string {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><script src="/assets/index-abc123.js"></script>',
  );
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("console");');
  return dir;
}

/** The logical id CloudFormation knows a construct (or its default resource) by. */
export function logicalIdOf(stack: Stack, construct: IConstruct): string {
  const element = (construct.node.defaultChild ?? construct) as CfnElement;
  return stack.getLogicalId(element);
}

export function resourcesOfType(
  resources: Record<string, CfnResourceJson>,
  type: string,
): Array<[string, CfnResourceJson]> {
  return Object.entries(resources).filter(([, resource]) => resource.Type === type);
}

export interface RestMethod {
  method: string;
  path: string;
  properties: Record<string, unknown>;
}

/** A REST API's methods with the full path of their resource, rebuilt from `ParentId` links. */
export function restApiMethods(
  resources: Record<string, CfnResourceJson>,
  apiLogicalId: string,
): RestMethod[] {
  const pathOf = (parent: unknown): string => {
    if (isGetAtt(parent, apiLogicalId, 'RootResourceId')) return '';
    const ref = (parent as { Ref?: string }).Ref;
    const resource = ref ? resources[ref] : undefined;
    if (!resource || resource.Type !== 'AWS::ApiGateway::Resource') {
      throw new Error(`Unexpected parent ${JSON.stringify(parent)}`);
    }
    return `${pathOf(resource.Properties!.ParentId)}/${String(resource.Properties!.PathPart)}`;
  };
  return resourcesOfType(resources, 'AWS::ApiGateway::Method')
    .filter(([, m]) => (m.Properties!.RestApiId as { Ref?: string }).Ref === apiLogicalId)
    .map(([, m]) => ({
      method: String(m.Properties!.HttpMethod),
      path: pathOf(m.Properties!.ResourceId) || '/',
      properties: m.Properties!,
    }));
}

function isGetAtt(value: unknown, id: string, attribute: string): boolean {
  const getAtt = (value as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
  return getAtt?.[0] === id && getAtt[1] === attribute;
}

/** Made-up identifiers shaped like AWS's, for reading the template as AWS would see it. */
export const FAKE_IDS = {
  adminApi: 'a1b2c3d4e5',
  generalApi: 'f6g7h8i9j0',
  opsApi: 'k1l2m3n4o5',
  userPool: `${TEST_REGION}_AbC123xyz`,
  client: '4abc5def6ghi7jkl8mno9pqr0s',
  identityPool: `${TEST_REGION}:11111111-2222-3333-4444-555555555555`,
  distributionDomain: 'd111111abcdef8.cloudfront.net',
} as const;

export function fakeResourceValues(stack: ConsoleStack): IntrinsicValues {
  const id = (construct: IConstruct) => logicalIdOf(stack, construct);
  return {
    refs: {
      [id(stack.adminApi.api)]: FAKE_IDS.adminApi,
      [id(stack.generalApi.api)]: FAKE_IDS.generalApi,
      [id(stack.users.userPool)]: FAKE_IDS.userPool,
      [id(stack.users.client)]: FAKE_IDS.client,
      [id(stack.access.identityPool)]: FAKE_IDS.identityPool,
    },
    attributes: {
      [`${id(stack.site.distribution)}.DomainName`]: FAKE_IDS.distributionDomain,
      [`${id(stack.opsApi.api)}.ApiEndpoint`]: `https://${FAKE_IDS.opsApi}.execute-api.${TEST_REGION}.amazonaws.com`,
    },
  };
}

/** The one resource of `type` (that `matches`), failing unless there is exactly one. */
export function onlyResourceOfType(
  resources: Record<string, CfnResourceJson>,
  type: string,
  matches: (resource: CfnResourceJson) => boolean = () => true,
): [string, CfnResourceJson & { Properties: Record<string, unknown> }] {
  const found = resourcesOfType(resources, type).filter(([, resource]) => matches(resource));
  if (found.length !== 1) throw new Error(`Expected one ${type}, found ${found.length}`);
  const [id, resource] = found[0]!;
  return [id, { ...resource, Properties: resource.Properties ?? {} }];
}
