import { randomBytes, randomInt, randomUUID } from 'node:crypto';

/** The local stack's fixed region and account, as DESIGN.md sets them. */
export const LOCAL_REGION = 'ap-northeast-1';
export const LOCAL_ACCOUNT_ID = '000000000000';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const MIXED_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomFrom(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** `ap-northeast-1_AbCdEfGhI`, as Cognito names user pools. */
export const newUserPoolId = (region: string) => `${region}_${randomFrom(MIXED_ALNUM, 9)}`;
/** 26 lower-case alphanumerics, as Cognito names app clients. */
export const newUserPoolClientId = () => randomFrom(LOWER_ALNUM, 26);
/** `ap-northeast-1:uuid`, for identity pools and identities alike. */
export const newRegionalUuid = (region: string) => `${region}:${randomUUID()}`;
/** `ASIA` + 16: STS's shape for temporary access keys. */
export const newTemporaryAccessKeyId = () => `ASIA${randomFrom(UPPER_ALNUM, 16)}`;
/** 40 characters of base64, as STS's secret keys are. */
export const newSecretAccessKey = () =>
  randomBytes(30).toString('base64').replace(/\+/g, 'x').replace(/\//g, 'y');
/** An opaque session token, long like STS's. */
export const newSessionToken = () => randomBytes(300).toString('base64');
export const newRequestId = () => randomUUID();
export const newOpaqueToken = (bytes = 96) => randomBytes(bytes).toString('base64url');
