/**
 * The server half of Cognito's SRP-6a variant, as aws-amplify's client speaks it.
 *
 * Hand-written because no maintained library implements Cognito's flavour: `x` hashes the pool
 * name with the username, hex values are sign-padded before hashing, and the session key comes
 * from HKDF-SHA256 with the info "Caldera Derived Key". Passwords are never stored: a user's
 * record holds only the salt and the verifier `v = g^x mod N`.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { timingSafeEqualStrings } from '../aws/timing-safe';

/** RFC 5054's 3072-bit group, the one Cognito uses. */
const N = BigInt(
  '0x' +
    'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const g = 2n;

/** Hex of a non-negative integer, even length, with a leading 00 when the top bit is set. */
export function padHex(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return /^[89a-f]/i.test(hex) ? `00${hex}` : hex;
}

const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const hashHex = (hex: string) => sha256Hex(Buffer.from(hex, 'hex'));
export const toBigInt = (hex: string) => BigInt(`0x${hex}`);

export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

const k = toBigInt(hashHex(padHex(N) + padHex(g)));

/** The group and multiplier both halves of the protocol share. */
export const SRP_GROUP = { N, g, k } as const;

/** The pool's short name as SRP uses it: `ap-northeast-1_AbC` → `AbC`. */
export const poolShortName = (userPoolId: string) => userPoolId.split('_')[1] ?? '';

/** `x`, from the pool name, the username, the password and the salt. */
export function passwordExponent(
  poolName: string,
  username: string,
  password: string,
  saltHex: string,
): bigint {
  const identityHash = sha256Hex(`${poolName}${username}:${password}`);
  return toBigInt(hashHex(padHex(toBigInt(saltHex)) + identityHash));
}

export interface PasswordVerifier {
  /** Hex, as sent to the client in `SALT`. */
  salt: string;
  /** Hex of `g^x mod N`. */
  verifier: string;
}

export function createPasswordVerifier(
  poolName: string,
  username: string,
  password: string,
): PasswordVerifier {
  const salt = randomBytes(16).toString('hex');
  const x = passwordExponent(poolName, username, password, salt);
  return { salt, verifier: modPow(g, x, N).toString(16) };
}

/** For USER_PASSWORD_AUTH and ChangePassword: does this password produce the stored verifier? */
export function passwordMatches(
  poolName: string,
  username: string,
  password: string,
  stored: PasswordVerifier,
): boolean {
  const x = passwordExponent(poolName, username, password, stored.salt);
  return timingSafeEqualStrings(modPow(g, x, N).toString(16), stored.verifier);
}

export interface ServerEphemeral {
  /** Hex of B, sent to the client in `SRP_B`. */
  publicB: string;
  /** Hex of b; stays on the server. */
  secretB: string;
}

export function createServerEphemeral(verifierHex: string): ServerEphemeral {
  const v = toBigInt(verifierHex);
  for (;;) {
    const b = toBigInt(randomBytes(32).toString('hex'));
    const B = (k * v + modPow(g, b, N)) % N;
    if (B !== 0n) return { publicB: B.toString(16), secretB: b.toString(16) };
  }
}

/** False when the client's `SRP_A` is unusable (A mod N = 0 would let anyone in). */
export function isValidClientPublic(clientPublicHex: string): boolean {
  if (!/^[0-9a-f]+$/i.test(clientPublicHex)) return false;
  return toBigInt(clientPublicHex) % N !== 0n;
}

export interface PasswordClaim {
  poolName: string;
  /** `USER_ID_FOR_SRP`: the user's username, which the client hashed into x. */
  userIdForSrp: string;
  clientPublicA: string;
  server: ServerEphemeral;
  verifier: string;
  secretBlock: string;
  timestamp: string;
  signature: string;
}

/** `u = H(A | B)`, which both halves derive from the public values. */
export const scramblingParameter = (A: bigint, B: bigint) =>
  toBigInt(hashHex(padHex(A) + padHex(B)));

/**
 * `PASSWORD_CLAIM_SIGNATURE`: an HMAC, under the key HKDF derives from the shared secret `S`,
 * over the pool name, the user, the challenge's secret block and the timestamp.
 */
export function passwordClaimSignature(input: {
  poolName: string;
  userIdForSrp: string;
  sharedSecret: bigint;
  u: bigint;
  secretBlock: string;
  timestamp: string;
}): string {
  const prk = createHmac('sha256', Buffer.from(padHex(input.u), 'hex'))
    .update(Buffer.from(padHex(input.sharedSecret), 'hex'))
    .digest();
  const key = createHmac('sha256', prk)
    .update(Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])]))
    .digest()
    .subarray(0, 16);
  return createHmac('sha256', key)
    .update(
      Buffer.concat([
        Buffer.from(input.poolName, 'utf8'),
        Buffer.from(input.userIdForSrp, 'utf8'),
        Buffer.from(input.secretBlock, 'base64'),
        Buffer.from(input.timestamp, 'utf8'),
      ]),
    )
    .digest('base64');
}

/** Recomputes the session key and checks the client's `PASSWORD_CLAIM_SIGNATURE`. */
export function verifyPasswordClaim(claim: PasswordClaim): boolean {
  const A = toBigInt(claim.clientPublicA);
  const u = scramblingParameter(A, toBigInt(claim.server.publicB));
  if (u === 0n) return false;
  const v = toBigInt(claim.verifier);
  const S = modPow(A * modPow(v, u, N), toBigInt(claim.server.secretB), N);
  const expected = passwordClaimSignature({
    poolName: claim.poolName,
    userIdForSrp: claim.userIdForSrp,
    sharedSecret: S,
    u,
    secretBlock: claim.secretBlock,
    timestamp: claim.timestamp,
  });
  return timingSafeEqualStrings(expected, claim.signature);
}
