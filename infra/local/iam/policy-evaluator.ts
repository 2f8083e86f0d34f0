import type { PolicyDocument, PolicyStatement } from '@contract';
import { evaluateCondition, type ConditionVerdict, type RequestContext } from './conditions';
import { wildcardPattern } from './wildcards';

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';
export type { RequestContext } from './conditions';

const list = (value: string | string[]) => (Array.isArray(value) ? value : [value]);

/**
 * Whom a statement is about. An identity policy's statements have no `Principal`: they are
 * about whoever the policy is attached to. A resource policy's `*` (or `{"AWS": "*"}`) is
 * anyone, anonymous callers too; named principals are not needed by the local stack's
 * policies and are `unknown`, like a condition it does not implement.
 */
function principalMatches(statement: PolicyStatement): ConditionVerdict {
  const principal = statement.Principal;
  if (principal === undefined || principal === '*') return true;
  return principal.AWS === '*' ? true : 'unknown';
}

/**
 * Whether a statement applies to the request. What this evaluator does not understand fails
 * closed, which is the strict choice: it never lets an Allow apply and always lets a Deny
 * apply, so the local stack refuses at least whatever AWS would.
 */
function applies(statement: PolicyStatement, context: RequestContext): boolean {
  const verdicts = [principalMatches(statement), evaluateCondition(statement.Condition, context)];
  if (verdicts.includes(false)) return false;
  return statement.Effect === 'Deny' || verdicts.every((verdict) => verdict === true);
}

/**
 * Evaluates one action on one resource against policies the way IAM does: an explicit Deny
 * anywhere wins, else any Allow allows, else the request is implicitly denied. Action names
 * compare case-insensitively, resources case-sensitively; `context` is what conditions read.
 */
export function evaluate(
  policies: readonly PolicyDocument[],
  action: string,
  resource: string,
  context: RequestContext = {},
): Decision {
  let allowed = false;
  for (const statement of policies.flatMap((policy) => policy.Statement)) {
    const actionMatches = list(statement.Action).some((a) => wildcardPattern(a, true).test(action));
    const resourceMatches = list(statement.Resource).some((r) =>
      wildcardPattern(r, false).test(resource),
    );
    if (!actionMatches || !resourceMatches || !applies(statement, context)) continue;
    if (statement.Effect === 'Deny') return 'ExplicitDeny';
    allowed = true;
  }
  return allowed ? 'Allow' : 'ImplicitDeny';
}
