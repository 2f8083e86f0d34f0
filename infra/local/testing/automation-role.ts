import { executeApiArn, ROUTES, type RouteName } from '@contract';
import type { TemporaryCredentials } from '../iam/credentials';
import type { TestStack } from './test-stack';

/** A job's role in the local account, named in the admin API's resource policy by tests. */
export const AUTOMATION_ROLE_ARN = 'arn:aws:iam::000000000000:role/jobs/NightlyReport';

/**
 * What a deployer does for an automation role the local stack has no IAM or STS API for: gives
 * the role an identity policy that may invoke `routes`, and a session as STS's AssumeRole
 * would issue it. The stack must have been started naming the role
 * (`adminApiAutomationRoles`), or the API's resource policy refuses it.
 */
export function automationSession(
  stack: TestStack,
  routes: readonly RouteName[],
  roleArn = AUTOMATION_ROLE_ARN,
): TemporaryCredentials {
  stack.account.attach(roleArn, {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: 'execute-api:Invoke',
        Resource: routes.map((name) => executeApiArn(stack.adminStage, ROUTES[name])),
      },
    ],
  });
  return stack.credentials.issue({ roleArn, sessionName: 'nightly', lifetimeSeconds: 900 });
}
