import {
  Agent,
  createServer,
  request as forward,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { AwsError } from '../aws/errors';
import { BodyTooLargeError } from '../aws/http';
import { newRequestId } from '../aws/identifiers';
import { readIncoming } from '../gateway/incoming';
import { refuseForeignHost } from '../host-check';
import type { ServiceRequestAuth } from '../iam/service-auth';

/** DynamoDB's request size limit. */
const MAX_REQUEST_BYTES = 16 * 1024 * 1024;
const TARGET_PREFIX = 'DynamoDB_20120810.';

/** Where dynalite listens: its private Unix socket, or (tests) a proxy's loopback port. */
export type StoreEndpoint = { socketPath: string } | { host: string; port: number };

export interface DynamoDbFrontOptions {
  upstream: StoreEndpoint;
  region: string;
  accountId: string;
  auth: ServiceRequestAuth;
  now: () => number;
}

/**
 * DynamoDB as AWS serves it: every request's SigV4 signature verified against credentials the
 * local stack issued, and the caller's identity policy evaluated for `dynamodb:{Operation}` on
 * each table the request names, before dynalite (which checks only that a signature is there)
 * sees it. Refusals are DynamoDB's own JSON 1.0 errors.
 */
export function createDynamoDbFront(options: DynamoDbFrontOptions): Server {
  // Connections to dynalite are kept and reused, as an SDK keeps its own to DynamoDB.
  const agent = new Agent({ keepAlive: true });
  const arnOf = (resource: string) =>
    resource.startsWith('arn:')
      ? resource
      : `arn:aws:dynamodb:${options.region}:${options.accountId}:${resource}`;

  const server = createServer((req, res) => {
    if (refuseForeignHost(req, res)) return;
    const requestId = newRequestId();
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof AwsError) return sendDynamoDbError(res, error, requestId);
      if (error instanceof BodyTooLargeError) {
        return sendDynamoDbError(
          res,
          new AwsError('RequestEntityTooLarge', 'Request entity too large', 413),
          requestId,
        );
      }
      console.error(`[dynamodb] request ${requestId} failed:`, error);
      sendDynamoDbError(
        res,
        new AwsError('InternalServerError', 'Internal server error', 500),
        requestId,
      );
    });

    async function handle(req: IncomingMessage, res: ServerResponse) {
      const incoming = await readIncoming(req, MAX_REQUEST_BYTES);
      const caller = await options.auth
        .authenticate(incoming, 'dynamodb', { clockSkewMinutes: 15 })
        .catch((error: unknown) => {
          // DynamoDB words this one refusal its own way.
          if (error instanceof AwsError && error.code === 'MissingAuthenticationTokenException') {
            throw new AwsError(error.code, 'Request is missing Authentication Token');
          }
          throw error;
        });
      const target = incoming.headers['x-amz-target'] ?? '';
      const operation = target.startsWith(TARGET_PREFIX)
        ? target.slice(TARGET_PREFIX.length)
        : undefined;
      // Deny by default: only this API version's operations, each authorised on what it names.
      if (!operation || !OPERATIONS.has(operation)) {
        throw new AwsError('UnknownOperationException', '');
      }
      for (const check of permissionsFor(operation, incoming.body)) {
        options.auth.authorize(caller, check.action, arnOf(check.resource));
      }
      await pass(req, incoming.body, res);
    }
  });
  server.on('close', () => agent.destroy());
  return server;

  /**
   * Hands the request to dynalite and its answer back. If dynalite's connection fails, the
   * caller's is dropped too, so the caller sees the store's fault as it happened.
   */
  function pass(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> {
    return new Promise((resolve) => {
      const upstream = forward(
        {
          ...options.upstream,
          agent,
          path: req.url ?? '/',
          method: req.method,
          headers: req.headers,
        },
        (answer) => {
          // The stack's clock, so an SDK corrects its skew by it as it does against AWS.
          res.writeHead(answer.statusCode ?? 502, {
            ...answer.headers,
            date: new Date(options.now()).toUTCString(),
          });
          answer.pipe(res).on('finish', resolve);
          answer.on('error', () => req.socket.destroy());
        },
      );
      upstream.on('error', () => {
        req.socket.destroy();
        resolve();
      });
      // A caller that gives up (the SDK's timeout) ends the forwarded request with it.
      res.on('close', () => {
        if (!res.writableFinished) upstream.destroy();
        resolve();
      });
      upstream.end(body);
    });
  }

  function sendDynamoDbError(res: ServerResponse, error: AwsError, requestId: string) {
    // DynamoDB names IAM's and SigV4's errors as coral's and words AccessDenied as `Message`.
    const body = JSON.stringify({
      __type: `com.amazon.coral.service#${error.code}`,
      ...(error.message
        ? { [error.code === 'AccessDeniedException' ? 'Message' : 'message']: error.message }
        : {}),
    });
    res.writeHead(error.status, {
      'Content-Type': 'application/x-amz-json-1.0',
      'Content-Length': Buffer.byteLength(body),
      'x-amzn-RequestId': requestId,
      date: new Date(options.now()).toUTCString(),
    });
    res.end(body);
  }
}

/**
 * The DynamoDB operations the front passes on (those dynalite implements, of API version
 * 2012-08-10). Anything else, another API version included, is refused here: a front that let
 * unknown targets through would let dynalite's older API skip IAM.
 */
const OPERATIONS = new Set([
  'BatchGetItem',
  'BatchWriteItem',
  'CreateTable',
  'DeleteItem',
  'DeleteTable',
  'DescribeTable',
  'DescribeTimeToLive',
  'GetItem',
  'ListTables',
  'ListTagsOfResource',
  'PutItem',
  'Query',
  'Scan',
  'TagResource',
  'UntagResource',
  'UpdateItem',
  'UpdateTable',
]);

/** Operations on the account rather than a table, which IAM checks on every table. */
const ACCOUNT_OPERATIONS = new Set(['ListTables']);

/**
 * What IAM checks for one DynamoDB request: `dynamodb:{Operation}` on what it names — the
 * table (`TableName`; with `IndexName`, the index), each key of a batch's `RequestItems`, a
 * tag operation's `ResourceArn` — and `ListTables` on `table/*`. A request that names nothing
 * IAM could check is checked on a resource no policy grants, so it is refused (fail closed).
 */
export function permissionsFor(
  operation: string,
  body: Buffer,
): Array<{ action: string; resource: string }> {
  const action = `dynamodb:${operation}`;
  const input = parseObject(body);
  // A body that is not JSON reaches nothing: dynalite answers its SerializationException.
  if (input === undefined) return [];
  const checks: Array<{ action: string; resource: string }> = [];
  const table = (name: string, index?: unknown) =>
    typeof index === 'string' ? `table/${name}/index/${index}` : `table/${name}`;
  if (typeof input.TableName === 'string') {
    checks.push({ action, resource: table(input.TableName, input.IndexName) });
  }
  if (input.RequestItems && typeof input.RequestItems === 'object') {
    for (const name of Object.keys(input.RequestItems))
      checks.push({ action, resource: table(name) });
  }
  if (typeof input.ResourceArn === 'string') checks.push({ action, resource: input.ResourceArn });
  if (ACCOUNT_OPERATIONS.has(operation)) checks.push({ action, resource: 'table/*' });
  return checks.length ? checks : [{ action, resource: 'table/(none named)' }];
}

function parseObject(body: Buffer): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
}
