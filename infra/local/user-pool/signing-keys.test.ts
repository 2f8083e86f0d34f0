import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectAwsError } from '../testing/aws-assertions';
import { StateFile } from '../store/state-file';
import { UserPool } from './model';
import { Outbox } from './outbox';
import { userPoolStateSchema } from './state';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'signing-keys-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const statePath = () => join(dir, 'user-pool.json');
const open = () =>
  UserPool.open({
    file: new StateFile(statePath(), userPoolStateSchema),
    outbox: new Outbox(new StateFile(join(dir, 'outbox.json'), Outbox.schema), Date.now),
    edgeUrl: 'http://127.0.0.1:4566',
    region: 'ap-northeast-1',
    accountId: '000000000000',
    now: Date.now,
  });

async function signIn(pool: UserPool) {
  const user = pool.ensureSeedUser('ada@example.com', 'Right-Passw0rd!', []);
  return pool.startSession(user, pool.clientId);
}

describe('ID and access tokens are signed with different keys, as Cognito signs them', () => {
  it('names a different kid in each, and publishes both in the JWKS', async () => {
    const pool = await open();
    const tokens = await signIn(pool);
    const idKid = decodeProtectedHeader(tokens.IdToken).kid;
    const accessKid = decodeProtectedHeader(tokens.AccessToken).kid;
    expect(idKid).not.toBe(accessKid);
    expect(pool.jwks.keys.map((key) => key.kid).sort()).toEqual([idKid, accessKid].sort());
    for (const key of pool.jwks.keys) expect(key).not.toHaveProperty('d');
    const jwks = createLocalJWKSet(pool.jwks);
    await expect(jwtVerify(tokens.IdToken, jwks)).resolves.toBeTruthy();
    await expect(jwtVerify(tokens.AccessToken, jwks)).resolves.toBeTruthy();
  });

  it('verifies each only under its own key', async () => {
    const pool = await open();
    const tokens = await signIn(pool);
    const { idToken, accessToken } = pool.signingKeys;
    await expect(jwtVerify(tokens.IdToken, idToken.publicKey)).resolves.toBeTruthy();
    await expect(jwtVerify(tokens.IdToken, accessToken.publicKey)).rejects.toThrow();
    await expect(jwtVerify(tokens.AccessToken, idToken.publicKey)).rejects.toThrow();
  });

  it('refuses, as an access token, a token signed with the ID-token key', async () => {
    const pool = await open();
    const user = pool.ensureSeedUser('ada@example.com', 'Right-Passw0rd!', []);
    const forged = await new SignJWT({ token_use: 'access', username: user.username })
      .setProtectedHeader({ alg: 'RS256', kid: pool.signingKeys.accessToken.kid })
      .setIssuer(pool.issuer)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(pool.signingKeys.idToken.privateKey);
    await expectAwsError(
      pool.tokens.verifyAccessToken(forged),
      'NotAuthorizedException',
      'Invalid Access Token',
    );
  });

  it('opens a state file written before access tokens had a key of their own, adding one', async () => {
    const first = await open();
    const idKid = first.signingKeys.idToken.kid;
    const state = JSON.parse(readFileSync(statePath(), 'utf8')) as Record<string, unknown>;
    delete state.accessTokenSigningKey;
    writeFileSync(statePath(), JSON.stringify(state));

    const reopened = await open();
    expect(reopened.id).toBe(first.id);
    expect(reopened.signingKeys.idToken.kid).toBe(idKid);
    expect(reopened.signingKeys.accessToken.kid).not.toBe(idKid);
    const saved = JSON.parse(readFileSync(statePath(), 'utf8')) as Record<string, { kid: string }>;
    expect(saved.accessTokenSigningKey?.kid).toBe(reopened.signingKeys.accessToken.kid);
    const tokens = await signIn(reopened);
    await expect(reopened.tokens.verifyAccessToken(tokens.AccessToken)).resolves.toBeTruthy();
  });
});
