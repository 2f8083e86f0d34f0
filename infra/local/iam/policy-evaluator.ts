import type { PolicyDocument } from '../../../src/contract';

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

const compiled = new Map<string, RegExp>();

/** IAM's wildcards: `*` any run of characters (slashes too), `?` exactly one. Compiled once. */
function wildcardPattern(pattern: string, caseInsensitive: boolean): RegExp {
  const key = `${caseInsensitive ? 'i' : 's'}:${pattern}`;
  let regex = compiled.get(key);
  if (!regex) {
    regex = compileWildcard(pattern, caseInsensitive);
    compiled.set(key, regex);
  }
  return regex;
}

function compileWildcard(pattern: string, caseInsensitive: boolean): RegExp {
  const body = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, caseInsensitive ? 'i' : '');
}

const list = (value: string | string[]) => (Array.isArray(value) ? value : [value]);

/**
 * Evaluates one action on one resource against identity policies the way IAM does: an
 * explicit Deny anywhere wins, else any Allow allows, else the request is implicitly denied.
 * Action names compare case-insensitively, resources case-sensitively.
 */
export function evaluate(
  policies: readonly PolicyDocument[],
  action: string,
  resource: string,
): Decision {
  let allowed = false;
  for (const statement of policies.flatMap((policy) => policy.Statement)) {
    const actionMatches = list(statement.Action).some((a) => wildcardPattern(a, true).test(action));
    const resourceMatches = list(statement.Resource).some((r) =>
      wildcardPattern(r, false).test(resource),
    );
    if (!actionMatches || !resourceMatches) continue;
    if (statement.Effect === 'Deny') return 'ExplicitDeny';
    allowed = true;
  }
  return allowed ? 'Allow' : 'ImplicitDeny';
}
