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

export async function createStoredSigningKey(): Promise<StoredSigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
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
