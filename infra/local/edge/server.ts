import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { AwsError } from '../aws/errors';
import { BodyTooLargeError, readBody, sendAwsJsonError, sendJson } from '../aws/http';
import { newRequestId } from '../aws/identifiers';
import {
  assertSigV4Signed,
  resolveOperation,
  type JsonService,
  type OperationContext,
} from '../aws/json-service';
import { handleControl, type ControlDependencies } from './control';

/** AWS's JSON APIs take requests far below this; anything bigger is refused unread. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface EdgeDependencies extends ControlDependencies {
  services: readonly JsonService[];
}

/**
 * The AWS edge: cognito-idp and cognito-identity (JSON 1.1 by `X-Amz-Target`) on one port,
 * the user pool's JWKS, and `/_local/` control. Like Cognito's public endpoints the AWS routes
 * answer CORS for any origin: they carry no cookies and no ambient authority.
 */
export function createEdgeServer(deps: EdgeDependencies): Server {
  const jwksPath = `/${deps.userPool.id}/.well-known/jwks.json`;
  return createServer((req, res) => {
    const requestId = newRequestId();
    // Control routes get no CORS: a web page must not read the outbox's passwords and codes.
    if (!req.url?.startsWith('/_local/')) setCorsHeaders(req, res);
    res.setHeader('x-amzn-RequestId', requestId);
    handle(req, res, requestId).catch((error: unknown) => {
      console.error(`[edge] request ${requestId} failed:`, error);
      if (!res.headersSent) {
        sendAwsJsonError(
          res,
          new AwsError('InternalErrorException', 'Internal error', 500),
          requestId,
        );
      } else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string) {
    const url = new URL(req.url ?? '/', 'http://edge.local');
    if (url.pathname.startsWith('/_local/')) return handleControl(req, res, url, deps);
    if (req.method === 'OPTIONS') {
      res.writeHead(200, { 'Content-Length': '0' });
      return res.end();
    }
    if (req.method === 'GET' && url.pathname === jwksPath) {
      return sendJson(res, 200, { keys: [deps.userPool.signingKey.publicJwk] });
    }
    if (req.method !== 'POST' || url.pathname !== '/') {
      return sendJson(res, 404, { message: 'Not Found' });
    }
    try {
      const operation = resolveOperation(deps.services, header(req, 'x-amz-target'));
      const body = await readBody(req, MAX_BODY_BYTES);
      const context: OperationContext = {
        headers: req.headers,
        sourceIp: req.socket.remoteAddress ?? '',
        operation: operation.name,
        authenticate: async () => assertSigV4Signed(context),
        authorize: async () => {},
      };
      const output = await operation.run(parseJsonBody(body), context);
      sendJson(res, 200, output, {}, 'application/x-amz-json-1.1');
    } catch (error) {
      if (error instanceof AwsError) return sendAwsJsonError(res, error, requestId);
      if (error instanceof BodyTooLargeError) {
        return sendAwsJsonError(
          res,
          new AwsError('SerializationException', error.message, 413),
          requestId,
        );
      }
      throw error;
    }
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error();
    return parsed;
  } catch {
    throw new AwsError(
      'SerializationException',
      'Start of structure or map found where not expected.',
    );
  }
}

function setCorsHeaders(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.setHeader(
    'Access-Control-Allow-Headers',
    header(req, 'access-control-request-headers') ??
      'content-type, x-amz-target, x-amz-user-agent, authorization, x-amz-date, x-amz-security-token',
  );
  res.setHeader(
    'Access-Control-Expose-Headers',
    'x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage, Date',
  );
  res.setHeader('Access-Control-Max-Age', '86400');
}
