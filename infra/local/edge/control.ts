import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { readBody, sendJson } from '../aws/http';
import type { CredentialStore } from '../iam/credentials';
import type { IdentityPool } from '../identity-pool/model';
import type { Outbox } from '../user-pool/outbox';
import type { UserPool } from '../user-pool/model';
import {
  DEFAULT_QUOTAS,
  parseQuotaRates,
  QuotaInputError,
  type RequestQuotas,
} from '../user-pool/request-quotas';

export interface ControlDependencies {
  userPool: UserPool;
  userPoolQuotas: RequestQuotas;
  identityPool: IdentityPool;
  credentials: CredentialStore;
  outbox: Outbox;
}

const expireBody = z.object({ identityId: z.string().min(1) });

/**
 * `/_local/`: what a test or a person needs that AWS has no API for. Served only by the local
 * stack, on loopback.
 */
export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: ControlDependencies,
): Promise<void> {
  const route = `${req.method} ${url.pathname}`;
  switch (route) {
    case 'GET /_local/health':
      return sendJson(res, 200, {
        status: 'ok',
        userPoolId: deps.userPool.id,
        identityPoolId: deps.identityPool.id,
      });
    case 'GET /_local/outbox':
      return sendJson(res, 200, {
        messages: deps.outbox.list(url.searchParams.get('to') ?? undefined),
      });
    case 'GET /_local/totp':
      return answerTotp(req, res, url, deps.userPool);
    case 'POST /_local/credentials/expire': {
      const body = await readJsonBody(req, res, '{"identityId": "..."}');
      if (body === NO_BODY) return;
      const parsed = expireBody.safeParse(body);
      if (!parsed.success) return sendJson(res, 400, { message: 'identityId is required' });
      return sendJson(res, 200, {
        expired: deps.credentials.expireIdentity(parsed.data.identityId),
      });
    }
    // The user pool's request-rate quotas (`user-pool/request-quotas.ts`): read, set some
    // categories' requests per second (lower for a test, higher as a Service Quotas increase
    // would), or go back to the stack's start.
    case 'GET /_local/quotas':
      return sendQuotas(res, deps.userPoolQuotas.current);
    case 'PUT /_local/quotas': {
      if (!fromThisMachine(req)) return refuseQuotaChange(res);
      const body = await readJsonBody(req, res, '{"UserCreation": 5}');
      if (body === NO_BODY) return;
      try {
        return sendQuotas(res, deps.userPoolQuotas.set(parseQuotaRates(body)));
      } catch (error) {
        if (error instanceof QuotaInputError) return sendJson(res, 400, { message: error.message });
        throw error;
      }
    }
    case 'DELETE /_local/quotas':
      if (!fromThisMachine(req)) return refuseQuotaChange(res);
      return sendQuotas(res, deps.userPoolQuotas.reset());
    default:
      return sendJson(res, 404, { message: `No local control endpoint ${route}` });
  }
}

/** Quotas change for this machine only, even when the stack listens on a LAN address. */
const refuseQuotaChange = (res: ServerResponse) =>
  sendJson(res, 403, { message: 'Quotas are changed from this machine only' });

const NO_BODY = Symbol('no body');

/**
 * A control request's JSON body, or NO_BODY once the refusal is sent: JSON only, so a
 * cross-site form or text/plain "simple request" cannot reach a control; `example` shows the
 * shape in the 400.
 */
async function readJsonBody(
  req: IncomingMessage,
  res: ServerResponse,
  example: string,
): Promise<unknown> {
  if (!(req.headers['content-type']?.startsWith('application/json') ?? false)) {
    sendJson(res, 415, { message: 'Send Content-Type: application/json' });
    return NO_BODY;
  }
  try {
    return JSON.parse((await readBody(req, 64 * 1024)).toString('utf8'));
  } catch {
    sendJson(res, 400, { message: `Body must be JSON: ${example}` });
    return NO_BODY;
  }
}

/** The rates in force and Cognito's defaults, by category, in requests per second. */
function sendQuotas(res: ServerResponse, quotas: Record<string, number>) {
  return sendJson(res, 200, { quotas, cognitoDefaults: DEFAULT_QUOTAS });
}

/**
 * `GET /_local/totp?username=EMAIL`: the code a local user's authenticator app would show, to
 * try MFA sign-in without one (`npm run totp -- EMAIL`). Loopback connections only, even when
 * the stack listens on a LAN address: anyone who could read it would hold the second factor.
 */
function answerTotp(req: IncomingMessage, res: ServerResponse, url: URL, userPool: UserPool) {
  if (!fromThisMachine(req)) {
    return sendJson(res, 403, { message: 'TOTP codes are served to this machine only' });
  }
  const username = url.searchParams.get('username') ?? '';
  const user = username ? userPool.findUser(username) : undefined;
  const code = user && userPool.softwareTokens.codeToSignIn(user);
  if (user && !code && userPool.softwareTokens.isEnabled(user)) {
    return sendJson(res, 409, {
      message: 'Every code the pool takes now was used: ask again in the next 30 seconds',
    });
  }
  if (!code) {
    return sendJson(res, 404, {
      message: `No local user ${JSON.stringify(username)} with an authenticator app turned on`,
    });
  }
  return sendJson(res, 200, { username: user.username, code }, { 'Cache-Control': 'no-store' });
}

/** Loopback, or (listening on a LAN address) a connection from that same address. */
function fromThisMachine(req: IncomingMessage): boolean {
  const { remoteAddress, localAddress } = req.socket;
  if (remoteAddress === undefined) return false;
  return /^(127\.|::1$|::ffff:127\.)/.test(remoteAddress) || remoteAddress === localAddress;
}
