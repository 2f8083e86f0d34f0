import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { adminApiResourcePolicy, type PolicyDocument } from '@contract';
import { AdminApi } from './admin-api';
import { resolveIntrinsics } from '../testing/intrinsics';
import { ApiGatewayAccountLogging } from './api-logging';

/** The admin API alone, in a stack of a known account, with a stand-in handler. */
function synthAdminApi(automationRoleArns: string[]) {
  const stack = new Stack(new App(), 'Admin', {
    env: { account: '123456789012', region: 'ap-northeast-1' },
  });
  const api = new AdminApi(stack, 'AdminApi', {
    stageName: 'test',
    production: false,
    accountLogging: new ApiGatewayAccountLogging(stack, 'Logging'),
    automationRoleArns,
  });
  const handler = new LambdaFunction(stack, 'Handler', {
    runtime: Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: Code.fromInline('exports.handler = async () => ({ statusCode: 200 })'),
  });
  api.serve(handler, 'https://d111111abcdef8.cloudfront.net');
  const template = Template.fromStack(stack).toJSON() as {
    Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  };
  const ofType = (type: string) =>
    Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
  return {
    policy: ofType('AWS::ApiGateway::RestApi')[0]![1].Properties.Policy as PolicyDocument,
    deploymentId: ofType('AWS::ApiGateway::Deployment')[0]![0],
  };
}

/** Statements with their lists sorted, as CDK writes them, and `AWS::Partition` resolved. */
const normalized = (document: PolicyDocument) =>
  document.Statement.map((statement) => ({
    ...statement,
    Resource: [statement.Resource].flat().sort(),
    ...(statement.Condition && {
      Condition: Object.fromEntries(
        Object.entries(statement.Condition).map(([operator, keys]) => [
          operator,
          Object.fromEntries(
            Object.entries(keys).map(([key, values]) => [
              key,
              [values].flat().map((value) => resolveIntrinsics(value, { refs: {} })),
            ]),
          ),
        ]),
      ),
    }),
  }));

describe('the admin API construct', () => {
  const nightly = 'arn:aws:iam::123456789012:role/jobs/NightlyReport';

  it('attaches the contract’s resource policy, with the automation roles it is given', () => {
    const { policy } = synthAdminApi([nightly]);
    expect(normalized(policy)).toEqual(
      normalized(
        adminApiResourcePolicy({ accountId: '123456789012', automationRoleArns: [nightly] }),
      ),
    );
  });

  it('deploys the stage again when the resource policy changes, so the change takes effect', () => {
    expect(synthAdminApi([]).deploymentId).toBe(synthAdminApi([]).deploymentId);
    expect(synthAdminApi([nightly]).deploymentId).not.toBe(synthAdminApi([]).deploymentId);
  });
});
