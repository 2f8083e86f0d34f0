import { GROUP_NAMES, roleArn } from './groups';
import type { PolicyDocument } from './policies';

/**
 * An IAM role a deployer lets call the admin API besides the group roles (a job's, a
 * pipeline's): a plain role ARN, never a pattern, since it becomes an `ArnNotLike` value and a
 * `*` there would let in every role it matches.
 */
export const AUTOMATION_ROLE_ARN =
  /^arn:aws(?:-[a-z]+)*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;

export interface AdminApiCallers {
  /** `aws` unless given: the CDK app passes `AWS::Partition`. */
  partition?: string;
  accountId: string;
  /** Roles of the same account named by the deployer (`-c adminApiAutomationRoles=…`). */
  automationRoleArns?: readonly string[];
}

/** Every method API Gateway serves but OPTIONS: what a caller signs. */
const SIGNED_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const;

/** The role ARNs that may invoke the admin API: each group's, then the automation roles. */
export function adminApiCallerArns(callers: AdminApiCallers): string[] {
  const automation = callers.automationRoleArns ?? [];
  const invalid = automation.filter((arn) => !AUTOMATION_ROLE_ARN.test(arn));
  if (invalid.length) {
    throw new Error(
      `Automation roles must be IAM role ARNs without wildcards (arn:aws:iam::123456789012:role/Name), not ${invalid.map((arn) => JSON.stringify(arn)).join(', ')}`,
    );
  }
  return [
    ...GROUP_NAMES.map((group) => roleArn(callers.accountId, group, callers.partition)),
    ...automation,
  ];
}

/**
 * The admin API's resource policy: only the console's roles may invoke it, however broad
 * another principal's own rights (an account administrator's AdministratorAccess).
 *
 * With `AWS_IAM` in the API's own account, API Gateway allows a call when the caller's
 * identity policy *or* the resource policy allows it, and an explicit Deny in either wins. So
 * the policy grants nothing (an Allow for the roles would let every group role invoke every
 * route, past its own route-scoped policy); it denies every signed call whose
 * `aws:PrincipalArn` (for a role session, the role's ARN) is not one of the roles.
 *
 * With a resource policy, a method without authorisation needs an explicit Allow, and an
 * anonymous caller has no `aws:PrincipalArn` (so `ArnNotLike` holds for it): the CORS
 * preflights, which carry no credentials by the Fetch standard, are allowed to anyone and are
 * left out of the Deny.
 */
export function adminApiResourcePolicy(callers: AdminApiCallers): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'PreflightsCarryNoCredentials',
        Effect: 'Allow',
        Principal: '*',
        Action: 'execute-api:Invoke',
        Resource: 'execute-api:/*/OPTIONS/*',
      },
      {
        Sid: 'OnlyTheConsoleRoles',
        Effect: 'Deny',
        Principal: '*',
        Action: 'execute-api:Invoke',
        Resource: SIGNED_METHODS.map((method) => `execute-api:/*/${method}/*`),
        Condition: { ArnNotLike: { 'aws:PrincipalArn': adminApiCallerArns(callers) } },
      },
    ],
  };
}
