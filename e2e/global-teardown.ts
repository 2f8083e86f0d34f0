import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findSecrets, redact } from '../scripts/secret-detector.mjs';
import { DEPLOYED_SITE_URL, SEEDED_USERS, stackLogFile } from './fixtures/environment';

/**
 * After the whole run: the local stack's logs (gateway, functions, Cognito, DynamoDB) must
 * hold no token, key or password. The start-up banner lists the seeded users' passwords on
 * purpose (DESIGN: it prints them so a newcomer can sign in); that block alone is skipped.
 */
/**
 * Every secret the stack issued during the run, read from its state: the secret keys and
 * session tokens of every credential (users', functions', the operator's), each secret's value
 * and the temporary passwords the outbox mailed.
 */
function issuedSecrets(stateDir: string): string[] {
  const read = (name: string): unknown => {
    const path = join(stateDir, name);
    return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
  };
  const credentials = Object.values(
    (read('credentials.json') ?? {}) as Record<
      string,
      { secretAccessKey: string; sessionToken?: string }
    >,
  ).flatMap((c) => [c.secretAccessKey, c.sessionToken ?? '']);
  const secrets = Object.values(
    (read('secrets.json') ?? {}) as Record<string, { value: string }>,
  ).map((s) => s.value);
  const mailed = ((read('outbox.json') ?? []) as Array<{ secret: string }>).map((m) => m.secret);
  // Six-digit codes would match any run of digits in a log line: temporary passwords and up.
  return [...credentials, ...secrets, ...mailed].filter((secret) => secret.length >= 8);
}

export default function checkLogsForSecrets(): void {
  if (DEPLOYED_SITE_URL) return; // A deployed site's logs are in CloudWatch, not here.
  const stateDir = process.env.CONSOLE_E2E_STATE_DIR;
  if (!stateDir || !existsSync(stackLogFile(stateDir))) {
    throw new Error('The local stack wrote no log file: LOCAL_LOG_FILE was not honoured');
  }
  const banner = Object.values(SEEDED_USERS).map((u) => u.password);
  const log = readFileSync(stackLogFile(stateDir), 'utf8')
    .split('\n')
    .filter(
      (line) => !banner.some((password) => line.includes(password) && line.includes('groups:')),
    )
    .join('\n');
  const findings = [
    ...findSecrets(log, 'stack.log', { seededPasswords: banner }),
    // The run's own secrets, by value: keys, session tokens, the ops token, mailed codes.
    ...issuedSecrets(stateDir)
      .filter((secret) => log.includes(secret))
      .map((secret) => ({ rule: 'issued secret', redacted: redact(secret) })),
    // Every password the tests type ends like this; none may reach a log.
    ...[...log.matchAll(/\S*Passw0rd!\S*/g)].map((m) => ({
      rule: 'password',
      redacted: redact(m[0]),
    })),
  ];
  if (findings.length) {
    throw new Error(`Secrets in the local stack's logs:\n${JSON.stringify(findings, null, 2)}`);
  }
  console.log(`Checked ${log.length} characters of stack logs: no secrets.`);
}
