import type { PolicyDocument, PolicyStatement } from '@contract';
import type { TableName } from './tables';

/**
 * What one piece of handler code reaches in AWS: IAM actions on one resource. Each store
 * declares its own next to the commands it sends, so adding a command to a store adds its
 * permission, and a handler's policy is the sum of the stores it uses. The CDK app attaches
 * that policy to the function's role; the local stack gives the function credentials of a
 * role with the same policy and refuses what it does not allow.
 */
export type Access =
  | { readonly resource: { readonly table: TableName }; readonly actions: readonly string[] }
  | { readonly resource: 'userPool'; readonly actions: readonly string[] }
  | { readonly resource: 'opsTokenSecret'; readonly actions: readonly string[] };

export const tableAccess = (table: TableName, ...actions: `dynamodb:${string}`[]): Access => ({
  resource: { table },
  actions,
});
export const userPoolAccess = (...actions: `cognito-idp:${string}`[]): Access => ({
  resource: 'userPool',
  actions,
});
export const opsTokenSecretAccess = (...actions: `secretsmanager:${string}`[]): Access => ({
  resource: 'opsTokenSecret',
  actions,
});

/** Where the resources are: real ARNs (local), or CDK tokens that resolve to them. */
export interface AccessResources {
  table(name: TableName): string;
  userPool: string;
  opsTokenSecret: string;
}

const resourceKey = (access: Access) =>
  typeof access.resource === 'string' ? access.resource : `table:${access.resource.table}`;

/** The tables a set of accesses reads or writes, each once. */
export function tablesOf(accesses: readonly Access[]): TableName[] {
  return [
    ...new Set(accesses.flatMap((a) => (typeof a.resource === 'string' ? [] : [a.resource.table]))),
  ];
}

export const usesResource = (
  accesses: readonly Access[],
  resource: 'userPool' | 'opsTokenSecret',
) => accesses.some((a) => a.resource === resource);

/**
 * The identity policy for a handler: one Allow statement per resource with its actions,
 * each once and sorted, so the document reads (and compares) the same wherever it is built.
 */
export function accessPolicy(
  accesses: readonly Access[],
  resources: AccessResources,
): PolicyDocument {
  const byResource = new Map<string, { arn: string; actions: Set<string> }>();
  for (const access of accesses) {
    const key = resourceKey(access);
    const arn =
      typeof access.resource === 'string'
        ? resources[access.resource]
        : resources.table(access.resource.table);
    const entry = byResource.get(key) ?? { arn, actions: new Set<string>() };
    for (const action of access.actions) entry.actions.add(action);
    byResource.set(key, entry);
  }
  const statements: PolicyStatement[] = [...byResource.values()].map(({ arn, actions }) => ({
    Effect: 'Allow',
    Action: [...actions].sort(),
    Resource: arn,
  }));
  return { Version: '2012-10-17', Statement: statements };
}
