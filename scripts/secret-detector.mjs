/**
 * What counts as a leaked secret in the build or the source, and where a look-alike is allowed.
 * Used by scripts/scan-secrets.mjs; tested in scripts/secret-detector.test.ts.
 */

/** The local stack's default seeded passwords (infra/local/settings.ts; the test pins them). */
export const DEFAULT_SEEDED_PASSWORDS = ['Admin-Passw0rd!', 'Helpdesk-Passw0rd!', 'User-Passw0rd!'];

/**
 * Files that hold AWS's own published example credentials and test-suite vectors
 * (AKIDEXAMPLE and its secret), which must stay as published.
 */
export const PUBLISHED_TEST_VECTORS = ['test-fixtures/sigv4/vectors.ts'];

/**
 * Where the seeded passwords belong: the local stack's one definition of them, and tests,
 * which sign in with them. Never in anything deployed, nor in the SPA's source or bundle.
 */
const SEEDED_PASSWORD_HOMES = [
  /^infra\/local\/settings\.ts$/,
  /^scripts\/secret-detector\.mjs$/,
  /^infra\/local\/testing\//,
  /\.test\.tsx?$/,
];

/**
 * AWS's convention for placeholders in its documentation (AKIAIOSFODNN7EXAMPLE, the
 * wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY secret): a random key never spells it.
 */
const isPlaceholder = (value) => value.includes('EXAMPLE');

const RULES = [
  {
    id: 'aws-access-key-id',
    description: 'an AWS access key id (AKIA/ASIA and 16 characters)',
    pattern: /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/g,
    allowed: (value, path) => isPlaceholder(value) || PUBLISHED_TEST_VECTORS.includes(path),
  },
  {
    id: 'aws-secret-access-key',
    description: 'a 40-character secret key assigned to a secret-like name',
    pattern:
      /\b[\w-]*(?:secret|SECRET|Secret)[\w-]*["'`]?\s*[:=]\s*["'`]?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g,
    group: 1,
    allowed: (value, path) => isPlaceholder(value) || PUBLISHED_TEST_VECTORS.includes(path),
  },
  {
    id: 'jwt',
    description: 'a JSON Web Token (a signed header, payload and signature)',
    pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/g,
    allowed: () => false,
  },
  {
    id: 'private-key',
    description: 'a PEM private key',
    pattern: /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/g,
    allowed: () => false,
  },
];

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Shows enough of a finding to find it, never the whole secret. */
export const redact = (value) =>
  value.length <= 8 ? '*'.repeat(value.length) : `${value.slice(0, 4)}…(${value.length} chars)`;

/**
 * The secrets in `text`, the content of the file at `path` (relative to the repository root,
 * with `/`): each with its rule, line and column, and the matched value redacted.
 */
export function findSecrets(text, path, { seededPasswords = DEFAULT_SEEDED_PASSWORDS } = {}) {
  const rules = [
    ...RULES,
    ...seededPasswords
      .filter((password) => password.length >= 8)
      .map((password) => ({
        id: 'seeded-password',
        description: 'a seeded user’s password',
        pattern: new RegExp(escapeRegExp(password), 'g'),
        allowed: (_value, file) => SEEDED_PASSWORD_HOMES.some((home) => home.test(file)),
      })),
  ];
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const position = (index) => {
    let line = lineStarts.length - 1;
    while (lineStarts[line] > index) line--;
    return { line: line + 1, column: index - lineStarts[line] + 1 };
  };
  const findings = [];
  for (const rule of rules) {
    for (const match of text.matchAll(rule.pattern)) {
      const value = match[rule.group ?? 0];
      if (rule.allowed(value, path)) continue;
      const index = match.index + match[0].lastIndexOf(value);
      findings.push({
        rule: rule.id,
        description: rule.description,
        path,
        ...position(index),
        redacted: redact(value),
      });
    }
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}
