const compiled = new Map<string, RegExp>();

/** IAM's wildcards: `*` any run of characters (slashes too), `?` exactly one. Compiled once. */
export function wildcardPattern(pattern: string, caseInsensitive: boolean): RegExp {
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
