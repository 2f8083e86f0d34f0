import type { PolicyDocument } from '@contract';
import type { IssuedCredentials } from './credentials';
import { evaluate, type Decision } from './policy-evaluator';

export interface AccountDecision {
  principalArn: string;
  action: string;
  resource: string;
  decision: Decision;
}

/**
 * The local account's identity policies, by the ARN of the role or user they are attached to:
 * the group roles (what the identity pool hands out), each Lambda function's execution role,
 * and the operator's IAM user. A principal that is not here has no permissions at all.
 */
export class LocalAccount {
  private readonly policies = new Map<string, readonly PolicyDocument[]>();
  /** Tests only: told of every decision, to see which actions each principal used. */
  onDecision: ((entry: AccountDecision) => void) | undefined;

  attach(principalArn: string, ...documents: PolicyDocument[]): this {
    this.policies.set(principalArn, [...(this.policies.get(principalArn) ?? []), ...documents]);
    return this;
  }

  policiesOf(principalArn: string): readonly PolicyDocument[] {
    return this.policies.get(principalArn) ?? [];
  }

  decide(caller: IssuedCredentials, action: string, resource: string): Decision {
    const decision = evaluate(this.policiesOf(caller.roleArn), action, resource);
    this.onDecision?.({ principalArn: caller.roleArn, action, resource, decision });
    return decision;
  }
}

/**
 * The refusal every AWS service but API Gateway words the same way, e.g.
 * `User: arn:aws:sts::…:assumed-role/R/fn is not authorized to perform: dynamodb:PutItem on
 * resource: arn:aws:dynamodb:…:table/T because no identity-based policy allows the
 * dynamodb:PutItem action`.
 */
export function accessDeniedMessage(
  caller: IssuedCredentials,
  action: string,
  resource: string,
  decision: Exclude<Decision, 'Allow'>,
): string {
  const why =
    decision === 'ExplicitDeny'
      ? 'with an explicit deny in an identity-based policy'
      : `because no identity-based policy allows the ${action} action`;
  return `User: ${caller.assumedRoleArn} is not authorized to perform: ${action} on resource: ${resource} ${why}`;
}

/** IAM's own full-access policy (AdministratorAccess), for the account's operator. */
export const ADMINISTRATOR_ACCESS: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
};
