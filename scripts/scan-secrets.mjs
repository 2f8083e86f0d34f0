#!/usr/bin/env node
/**
 * Fails (exit 1) if the production build or the source holds an AWS access key id, a secret
 * access key, a JWT, a private key or a seeded password outside the places they belong
 * (scripts/secret-detector.mjs says where). Run after `vite build`:
 *
 *   node scripts/scan-secrets.mjs              # dist/, src/, infra/, test-fixtures/
 *   node scripts/scan-secrets.mjs dist src     # just these
 *
 * Seeded passwords set through SEED_ADMIN_PASSWORD / SEED_USER_PASSWORD are looked for too.
 * Exit status: 0 clean, 1 findings, 2 a path to scan is missing (dist/: build first).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEEDED_PASSWORDS, findSecrets } from './secret-detector.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Not ours, or generated from what is scanned anyway (CDK's synthesised output). */
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'cdk.out', '.cache', '.git']);

function* filesUnder(path) {
  if (statSync(path).isFile()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isDirectory() && SKIPPED_DIRECTORIES.has(entry.name)) continue;
    const child = join(path, entry.name);
    if (entry.isDirectory()) yield* filesUnder(child);
    else if (entry.isFile()) yield child;
  }
}

/** Text files only: a NUL in the first 8 KB means binary (an image, a font). */
function readText(file) {
  const bytes = readFileSync(file);
  return bytes.subarray(0, 8192).includes(0) ? undefined : bytes.toString('utf8');
}

const DEFAULT_TARGETS = ['dist', 'src', 'infra', 'test-fixtures'];
const targets = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT_TARGETS;
const missing = targets.filter((target) => !existsSync(join(root, target)));
if (missing.length) {
  console.error(
    `scan-secrets: ${missing.join(', ')} not found${missing.includes('dist') ? ' (run vite build first)' : ''}`,
  );
  process.exit(2);
}
const seededPasswords = [
  ...DEFAULT_SEEDED_PASSWORDS,
  ...[
    process.env.SEED_ADMIN_PASSWORD,
    process.env.SEED_HELPDESK_PASSWORD,
    process.env.SEED_USER_PASSWORD,
  ].filter(Boolean),
];

let files = 0;
const findings = [];
for (const target of targets) {
  for (const file of filesUnder(join(root, target))) {
    const text = readText(file);
    if (text === undefined) continue;
    files++;
    findings.push(
      ...findSecrets(text, relative(root, file).split(sep).join('/'), { seededPasswords }),
    );
  }
}
for (const f of findings) {
  console.error(`${f.path}:${f.line}:${f.column}  ${f.rule}: ${f.description} (${f.redacted})`);
}
console.log(
  `scan-secrets: ${files} files in ${targets.join(', ')}: ${findings.length ? `${findings.length} finding(s)` : 'no secrets'}`,
);
process.exit(findings.length ? 1 : 0);
