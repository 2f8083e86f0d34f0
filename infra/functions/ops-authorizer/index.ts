import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type {
  APIGatewayRequestAuthorizerEventV2,
  APIGatewaySimpleAuthorizerResult,
} from 'aws-lambda';
import { opsTokenSecretAccess } from '../shared/access';
import { listEnv, requireEnv } from '../shared/env';
import { isAllowedAddress } from './allowed-address';
import { bearerMatches } from './bearer';

/** The token is read once per function instance and kept this long (rotation takes effect after). */
const TOKEN_CACHE_MS = 5 * 60 * 1000;

/** It reads the token and nothing else, not even DescribeSecret (see `access.ts`). */
export const OPS_TOKEN_ACCESS = opsTokenSecretAccess('secretsmanager:GetSecretValue');

let secrets: SecretsManagerClient | undefined;
let cached: { token: string; readAt: number } | undefined;

async function opsToken(): Promise<string> {
  if (cached && Date.now() - cached.readAt < TOKEN_CACHE_MS) return cached.token;
  secrets ??= new SecretsManagerClient({});
  const { SecretString } = await secrets.send(
    new GetSecretValueCommand({ SecretId: requireEnv('OPS_TOKEN_SECRET_ID') }),
  );
  if (!SecretString) throw new Error('The ops token secret has no string value');
  cached = { token: SecretString, readAt: Date.now() };
  return SecretString;
}

/**
 * The ops API's Lambda authorizer (simple responses): a request passes only from an allowed
 * source address and with the right bearer token. The token is compared in constant time and
 * never logged; a refusal logs only which check failed and the source address.
 */
export async function handler(
  event: APIGatewayRequestAuthorizerEventV2,
): Promise<APIGatewaySimpleAuthorizerResult> {
  const sourceIp = event.requestContext.http.sourceIp;
  const fromAllowedAddress = isAllowedAddress(sourceIp, listEnv('OPS_ALLOWED_CIDRS'));
  const authorization = event.headers?.authorization ?? '';
  const withRightToken = bearerMatches(authorization, await opsToken());
  if (!fromAllowedAddress || !withRightToken) {
    console.warn(
      `ops authorizer: refused ${sourceIp} (${fromAllowedAddress ? 'token' : 'address'} not allowed)`,
    );
  }
  return { isAuthorized: fromAllowedAddress && withRightToken };
}
