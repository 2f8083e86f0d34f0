import { Stack, Validations } from 'aws-cdk-lib';
// cdk-nag's own rendering of a policy's resources, so the ids below are exactly its findings'.
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

interface ResolvedStatement {
  Effect?: string;
  Action?: string | string[];
  Resource?: unknown;
}

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/**
 * The `AwsSolutions-IAM5[...]` finding ids cdk-nag reports for the wildcard actions and
 * resources of `document` (a policy document, possibly holding tokens). cdk-nag 3 takes an
 * acknowledgement per finding, so a wildcard added later is reported, not silently covered.
 */
export function wildcardFindingIds(scope: IConstruct, document: unknown): string[] {
  const resolved = Stack.of(scope).resolve(document) as { Statement?: ResolvedStatement[] };
  const ids = new Set<string>();
  for (const statement of resolved.Statement ?? []) {
    if (statement.Effect !== 'Allow') continue;
    for (const action of list(statement.Action)) {
      if (action.includes('*')) ids.add(`AwsSolutions-IAM5[Action::${action}]`);
    }
    for (const resource of list(statement.Resource)) {
      const flat = flattenCfnReference(resource);
      if (flat.includes('*')) ids.add(`AwsSolutions-IAM5[Resource::${flat}]`);
    }
  }
  return [...ids];
}

/** Acknowledges each wildcard finding of `document` on `target`, with one reason for all. */
export function acknowledgeWildcards(target: IConstruct, document: unknown, reason: string): void {
  for (const id of wildcardFindingIds(target, document)) {
    Validations.of(target).acknowledge({ id, reason });
  }
}

/**
 * APIG2 (request validation) for an API whose Lambda handler validates with the contract's
 * schemas: the admin and general APIs both.
 */
export function acknowledgeHandlerValidation(api: IConstruct): void {
  Validations.of(api).acknowledge({
    id: 'AwsSolutions-APIG2',
    reason:
      'The handler validates every request against the route schemas in src/contract and answers field-level errors the console shows; gateway validation would answer a different error shape than the local stack and the SPA expect.',
  });
}
