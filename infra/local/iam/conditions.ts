import type { PolicyCondition } from '@contract';
import { wildcardPattern } from './wildcards';

/**
 * The request context keys the local stack supplies. `aws:PrincipalArn` is the caller's ARN as
 * IAM puts it in the context: for a role session, the role's ARN (not the session's); for an
 * IAM user, the user's; absent for an anonymous caller.
 */
export interface RequestContext {
  principalArn?: string;
}

/**
 * What a condition says of a request. `unknown` is a condition this evaluator does not
 * implement (an operator or key it has no rule for): the caller decides by the statement's
 * effect, so that not knowing never grants (Allow) and always refuses (Deny).
 */
export type ConditionVerdict = boolean | 'unknown';

const KEYS: Record<string, keyof RequestContext> = { 'aws:principalarn': 'principalArn' };

/**
 * `ArnLike`: each of the six colon-delimited parts compared on its own, case-sensitively, with
 * `*` and `?` wildcards inside a part (IAM user guide, "Condition operators", ARN).
 */
function arnLike(pattern: string, value: string): boolean {
  const parts = (arn: string) => {
    const split = arn.split(':');
    return split.length < 6 ? undefined : [...split.slice(0, 5), split.slice(5).join(':')];
  };
  const [expected, actual] = [parts(pattern), parts(value)];
  if (!expected || !actual) return false;
  return expected.every((part, i) => wildcardPattern(part, false).test(actual[i]!));
}

/**
 * The operators the local stack's policies use, each given the context value (undefined when
 * the request has none) and the policy's values. IAM: a missing key makes a condition false,
 * except for a negated operator, which is then true; several values of a negated operator
 * combine as NOR.
 */
const OPERATORS: Record<string, (actual: string | undefined, values: string[]) => boolean> = {
  ArnNotLike: (actual, values) =>
    actual === undefined || !values.some((pattern) => arnLike(pattern, actual)),
};

/** A statement's `Condition`: every operator and every key in it must hold (logical AND). */
export function evaluateCondition(
  condition: PolicyCondition | undefined,
  context: RequestContext,
): ConditionVerdict {
  let verdict: ConditionVerdict = true;
  for (const [operator, keys] of Object.entries(condition ?? {})) {
    const rule = Object.hasOwn(OPERATORS, operator) ? OPERATORS[operator] : undefined;
    if (!rule) {
      verdict = 'unknown';
      continue;
    }
    for (const [key, values] of Object.entries(keys)) {
      // Condition key names are case-insensitive in IAM; values are the operator's to compare.
      const name = key.toLowerCase();
      const contextKey = Object.hasOwn(KEYS, name) ? KEYS[name] : undefined;
      if (!contextKey) {
        verdict = 'unknown';
        continue;
      }
      const listed = (Array.isArray(values) ? values : [values]).map(String);
      if (!rule(context[contextKey], listed)) return false;
    }
  }
  return verdict;
}
