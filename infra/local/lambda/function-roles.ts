import {
  FUNCTION_ACCESS,
  FUNCTION_NAMES,
  type FunctionName,
} from '../../functions/function-access';
import { accessPolicy, type AccessResources } from '../../functions/shared/access';
import type { LocalAccount } from '../iam/account';

/** Each function's execution role in the local account. */
export const functionRoleArn = (accountId: string, name: FunctionName) =>
  `arn:aws:iam::${accountId}:role/console-${name}-function`;

/**
 * How long the credentials a local function instance gets are valid; an instance is replaced
 * before they end (see `LocalFunction`), as Lambda's environments are.
 */
export const FUNCTION_CREDENTIAL_SECONDS = 6 * 3600;

/** Attaches to each function's role the policy the CDK app attaches to it, on local ARNs. */
export function attachFunctionPolicies(
  account: LocalAccount,
  accountId: string,
  resources: AccessResources,
): void {
  for (const name of FUNCTION_NAMES) {
    account.attach(
      functionRoleArn(accountId, name),
      accessPolicy(FUNCTION_ACCESS[name], resources),
    );
  }
}
