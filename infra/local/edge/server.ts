import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { AwsError } from '../aws/errors';
import { BodyTooLargeError, sendAwsJsonError, sendJson } from '../aws/http';
import { newRequestId } from '../aws/identifiers';
import { resolveOperation, type JsonService } from '../aws/json-service';
import { readIncoming } from '../gateway/incoming';
import type { ServiceRequestAuth } from '../iam/service-auth';
import { refuseForeignHost } from '../host-check';
import { handleControl, type ControlDependencies } from './control';
import { allowAnyOrigin, sendEdgePreflight, watchForSigning } from './cors';
import { operationContext } from './operation-context';

/** AWS's JSON APIs take requests far below this; anything bigger is refused unread. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface EdgeDependencies extends ControlDependencies {
  services: readonly JsonService[];
  /** Verifies and authorises the operations AWS signs (cognito-idp admin, secretsmanager). */
  auth: ServiceRequestAuth;
  /** The stack's clock: answers carry it in `Date`, as SDKs correct their clock skew by it. */
  now: () => number;
}

/**
 * The AWS edge: cognito-idp and cognito-identity (JSON 1.1 by `X-Amz-Target`) on one port,
 * the user pool's JWKS, and `/_local/` control. Cognito's public operations and the JWKS answer
 * CORS for any origin, as Cognito does (they carry no cookies and no ambient authority);
 * IAM-authorised operations and `/_local/` answer none (see `./cors`).
 */
export function createEdgeServer(deps: EdgeDependencies): Server {
  const jwksPath = `/${deps.userPool.id}/.well-known/jwks.json`;
  return createServer((req, res) => {
    if (refuseForeignHost(req, res)) return;
    const requestId = newRequestId();
    res.setHeader('x-amzn-RequestId', requestId);
    res.setHeader('Date', new Date(deps.now()).toUTCString());
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
    // Control routes get no CORS: a web page must not read the outbox's passwords and codes.
    if (url.pathname.startsWith('/_local/')) return handleControl(req, res, url, deps);
    if (req.method === 'OPTIONS') return sendEdgePreflight(res);
    if (req.method === 'GET' && url.pathname === jwksPath) {
      allowAnyOrigin(res);
      return sendJson(res, 200, deps.userPool.jwks);
    }
    if (req.method !== 'POST' || url.pathname !== '/') {
      return sendJson(res, 404, { message: 'Not Found' });
    }
    // Only an operation that ran without asking for a signature answers with CORS; anything
    // refused before it ran (unknown target, malformed body) answers none.
    let isPublic = () => false;
    try {
      const operation = resolveOperation(deps.services, header(req, 'x-amz-target'));
      const request = await readIncoming(req, MAX_BODY_BYTES);
      const context = operationContext(
        request,
        operation.service.targetPrefix,
        operation.name,
        deps.auth,
      );
      const input = parseJsonBody(request.body);
      // Known only once the operation runs: whether it asks who signed.
      const signed = watchForSigning(context);
      isPublic = () => !signed();
      const output = await operation.run(input, context);
      if (isPublic()) allowAnyOrigin(res);
      sendJson(res, 200, output, {}, 'application/x-amz-json-1.1');
    } catch (error) {
      if (isPublic()) allowAnyOrigin(res);
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
