import { describe, expect, it } from 'vitest';
import { readSettings } from '../infra/local/settings';
import {
  DEFAULT_SEEDED_PASSWORDS,
  findSecrets,
  PUBLISHED_TEST_VECTORS,
} from './secret-detector.mjs';

// Secret-shaped values are assembled here, so this file holds none itself.
const keyId = (prefix: 'AKIA' | 'ASIA') => `${prefix}${'Q7ZK3M9TX2WB4N6R'}`;
const secretKey = `${'Zq3/x8Kd+w2Lm9Vb4Np7'}${'Rt6Ys1Hc5Gf0Je8Ua3Oi'}`;
const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = [
  b64url({ alg: 'RS256', kid: 'k1' }),
  b64url({ sub: 'user', token_use: 'id' }),
  'c2lnbmF0dXJlLWJ5dGVzLWhlcmU',
].join('.');

const rulesIn = (text: string, path = 'dist/assets/index-abc123.js') =>
  findSecrets(text, path).map((finding) => finding.rule);

describe('the secret detector', () => {
  it('finds AWS access key ids, long-term and temporary, anywhere in a line', () => {
    expect(rulesIn(`const c={accessKeyId:"${keyId('AKIA')}"};`)).toEqual(['aws-access-key-id']);
    expect(rulesIn(`AWS_ACCESS_KEY_ID=${keyId('ASIA')}`)).toEqual(['aws-access-key-id']);
  });

  it('does not take a longer or shorter run of capitals for a key id', () => {
    expect(rulesIn(`${keyId('AKIA')}X`)).toEqual([]);
    expect(rulesIn(`X${keyId('ASIA')}`)).toEqual([]);
    expect(rulesIn(keyId('AKIA').slice(0, 19))).toEqual([]);
  });

  it('finds a 40-character secret key assigned to a secret-like name, in any syntax', () => {
    for (const line of [
      `secretAccessKey: '${secretKey}'`,
      `{"SecretKey":"${secretKey}"}`,
      `AWS_SECRET_ACCESS_KEY=${secretKey}`,
      `aws_secret_access_key = ${secretKey}`,
    ]) {
      expect(rulesIn(line), line).toEqual(['aws-secret-access-key']);
    }
  });

  it('leaves 40-character values under other names, and longer values, alone', () => {
    expect(rulesIn(`etag: '${secretKey}'`)).toEqual([]);
    expect(rulesIn(`secret: '${secretKey}A'`)).toEqual([]);
  });

  it('finds a JWT and a PEM private key', () => {
    expect(rulesIn(`Authorization: ${jwt}`)).toEqual(['jwt']);
    expect(rulesIn(`-----BEGIN ${'PRIVATE'} KEY-----\nMIIE`)).toEqual(['private-key']);
    expect(rulesIn(`-----BEGIN RSA ${'PRIVATE'} KEY-----`)).toEqual(['private-key']);
  });

  it("allows AWS's documented placeholders and the files of published test vectors", () => {
    expect(rulesIn(`accessKeyId: 'AKIAIOSFODNN7EXAMPLE'`)).toEqual([]);
    expect(rulesIn(`secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'`)).toEqual([]);
    expect(PUBLISHED_TEST_VECTORS).toContain('test-fixtures/sigv4/vectors.ts');
    expect(rulesIn(`accessKeyId: '${keyId('AKIA')}'`, 'test-fixtures/sigv4/vectors.ts')).toEqual(
      [],
    );
    // Only the key rules: a token in a vectors file is still a token.
    expect(rulesIn(jwt, 'test-fixtures/sigv4/vectors.ts')).toEqual(['jwt']);
    // The exception is that one file, not where the vectors used to be beside the SPA's code.
    expect(rulesIn(`accessKeyId: '${keyId('AKIA')}'`, 'src/api/sigv4-vectors.ts')).toEqual([
      'aws-access-key-id',
    ]);
  });

  it('finds a seeded password in the bundle, the SPA and the handlers, but not where it belongs', () => {
    const line = `password: '${DEFAULT_SEEDED_PASSWORDS[0]}'`;
    for (const path of [
      'dist/assets/index-abc.js',
      'src/auth/SignIn.tsx',
      'infra/functions/x.ts',
    ]) {
      expect(rulesIn(line, path), path).toEqual(['seeded-password']);
    }
    for (const path of [
      'infra/local/settings.ts',
      'infra/local/testing/callers.ts',
      'src/auth/SignIn.test.tsx',
      'infra/local/stack.integration.test.ts',
    ]) {
      expect(rulesIn(line, path), path).toEqual([]);
    }
  });

  it('looks for passwords set through the environment too', () => {
    const findings = findSecrets('const p = "Custom-Seed-9!";', 'src/x.ts', {
      seededPasswords: ['Custom-Seed-9!'],
    });
    expect(findings.map((f) => f.rule)).toEqual(['seeded-password']);
  });

  it('knows the local stack’s default seeded passwords', () => {
    expect(readSettings({}).seedUsers.map((user) => user.password)).toEqual(
      DEFAULT_SEEDED_PASSWORDS,
    );
  });

  it('says where each finding is, and never prints the secret', () => {
    const [finding] = findSecrets(`first line\n  token = "${jwt}"`, 'dist/a.js');
    expect(finding).toMatchObject({ path: 'dist/a.js', line: 2, column: 12, rule: 'jwt' });
    expect(finding!.redacted).not.toContain(jwt.slice(4));
    const [secret] = findSecrets(`secretKey=${secretKey}`, 'dist/a.js');
    expect(secret).toMatchObject({ line: 1, column: 11 });
    expect(secret!.redacted).toBe(`Zq3/…(40 chars)`);
  });
});
