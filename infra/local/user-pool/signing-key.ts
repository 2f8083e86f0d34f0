import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK } from 'jose';
import { z } from 'zod';

/** An RS256 key pair of the pool, kept in its state so tokens stay valid across restarts. */
export const storedSigningKeySchema = z.object({
  kid: z.string(),
  privateJwk: z.record(z.string(), z.unknown()),
  publicJwk: z.record(z.string(), z.unknown()),
});
export type StoredSigningKey = z.infer<typeof storedSigningKeySchema>;

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The JWKS entry, as `/{userPoolId}/.well-known/jwks.json` publishes it. */
  publicJwk: JWK;
}

/** Cognito signs ID tokens and access tokens with different keys; its JWKS lists both. */
export interface PoolSigningKeys {
  idToken: SigningKey;
  accessToken: SigningKey;
}

/** Which tokens a key signs: Cognito keeps a key for each. */
export type SigningKeyUse = keyof PoolSigningKeys;

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;
const newKeyPair = () => generateKeyPair('RS256', { extractable: true });

/**
 * Set (to `1`) by the test runner's configuration: every pool a process creates then signs
 * with one key pair per use, made once, each still under a kid of its own. RSA-2048
 * generation costs about 250 ms of CPU and the suite starts dozens of pools. Never for a
 * stack people use, whose pools must not share keys (a token of one would pass the other's
 * signature check under a forged kid).
 */
export const REUSE_KEY_PAIRS_VARIABLE = 'LOCAL_POOL_REUSE_KEY_PAIRS';
const reusedKeyPairs = new Map<SigningKeyUse, Promise<KeyPair>>();

function keyPairFor(use: SigningKeyUse): Promise<KeyPair> {
  if (process.env[REUSE_KEY_PAIRS_VARIABLE] !== '1') return newKeyPair();
  let pair = reusedKeyPairs.get(use);
  if (!pair) reusedKeyPairs.set(use, (pair = newKeyPair()));
  return pair;
}

export async function createStoredSigningKey(use: SigningKeyUse): Promise<StoredSigningKey> {
  const { privateKey, publicKey } = await keyPairFor(use);
  return {
    kid: randomUUID(),
    privateJwk: { ...(await exportJWK(privateKey)) },
    publicJwk: { ...(await exportJWK(publicKey)) },
  };
}

export async function loadSigningKey(stored: StoredSigningKey): Promise<SigningKey> {
  const publicJwk: JWK = { ...stored.publicJwk, kid: stored.kid, alg: 'RS256', use: 'sig' };
  return {
    kid: stored.kid,
    privateKey: (await importJWK(stored.privateJwk as JWK, 'RS256')) as CryptoKey,
    publicKey: (await importJWK(publicJwk, 'RS256')) as CryptoKey,
    publicJwk,
  };
}

/** The public half of `keys` as a JWKS: what a verifier fetches and selects from by `kid`. */
export const keySetOf = (...keys: SigningKey[]): JSONWebKeySet => ({
  keys: keys.map((key) => key.publicJwk),
});
