import type { GroupName } from './groups';
import { routesOf, type RouteDefinition } from './routes';

/** Where an admin API is deployed: the parts of its `execute-api` ARNs. */
export interface ApiStage {
  /** `aws` unless given: the CDK app passes `AWS::Partition` so China and GovCloud work too. */
  partition?: string;
  region: string;
  accountId: string;
  apiId: string;
  stage: string;
}

/**
 * `arn:{partition}:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}` with each
 * `{param}` as `*`: what CDK's `arnForExecuteApi(method, path, stage)` yields for the route.
 */
export function executeApiArn(stage: ApiStage, route: Pick<RouteDefinition, 'method' | 'path'>) {
  const resource = route.path.replace(/\{\w+\}/g, '*');
  return `arn:${stage.partition ?? 'aws'}:execute-api:${stage.region}:${stage.accountId}:${stage.apiId}/${stage.stage}/${route.method}${resource}`;
}

/** `*` (anyone, anonymous callers too) or named AWS principals: a resource policy's `Principal`. */
export type PolicyPrincipal = '*' | { AWS: string | string[] };

/** `{ operator: { key: value or values } }`, as IAM writes a statement's `Condition`. */
export type PolicyCondition = Record<string, Record<string, string | string[]>>;

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  /** Resource policies only: whom the statement is about (identity policies have none). */
  Principal?: PolicyPrincipal;
  Action: string | string[];
  Resource: string | string[];
  Condition?: PolicyCondition;
}

/**
 * What API Gateway does when it saves a resource policy: `execute-api:/{rest}` becomes
 * `arn:{partition}:execute-api:{region}:{account}:{apiId}/{rest}`, this API's own ARN (the
 * shorthand lets a REST API's policy name the API before CloudFormation has created it).
 */
export function expandExecuteApiShorthand(resource: string, stage: ApiStage): string {
  const shorthand = 'execute-api:/';
  if (!resource.startsWith(shorthand)) return resource;
  return `arn:${stage.partition ?? 'aws'}:execute-api:${stage.region}:${stage.accountId}:${stage.apiId}/${resource.slice(shorthand.length)}`;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

/** The admin-API ARNs a group's role may invoke: exactly the routes the contract gives it. */
export function invokableArns(group: GroupName, stage: ApiStage): string[] {
  return routesOf('admin')
    .filter(([, route]) => route.groups.includes(group))
    .map(([, route]) => executeApiArn(stage, route));
}

/**
 * The identity policy of a group's role. The CDK app attaches this document and the local
 * gateway evaluates it, so the cloud and the local stack authorise the same calls.
 */
export function groupRolePolicy(group: GroupName, stage: ApiStage): PolicyDocument {
  const resources = invokableArns(group, stage);
  return {
    Version: '2012-10-17',
    Statement: resources.length
      ? [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: resources }]
      : [],
  };
}
