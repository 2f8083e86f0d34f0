import {
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

export interface DynamoDbFrontOptions {
  /** dynalite, listening on a loopback port only this front knows. */
  upstream: string;
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
  const tableArn = (name: string) =>
    `arn:aws:dynamodb:${options.region}:${options.accountId}:table/${name}`;

  return createServer((req, res) => {
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
      const caller = await options.auth.authenticate(incoming, 'dynamodb');
      const target = incoming.headers['x-amz-target'] ?? '';
      if (target.startsWith(TARGET_PREFIX)) {
        for (const check of permissionsFor(target.slice(TARGET_PREFIX.length), incoming.body)) {
          options.auth.authorize(caller, check.action, tableArn(check.table));
        }
      }
      // Anything else (an unknown target, a body that is not JSON) is dynalite's to refuse.
      await pass(req, incoming.body, res);
    }
  });

  /**
   * Hands the request to dynalite and its answer back. If dynalite's connection fails, the
   * caller's is dropped too, so the caller sees the store's fault as it happened.
   */
  function pass(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> {
    return new Promise((resolve) => {
      const upstream = forward(
        new URL(req.url ?? '/', options.upstream),
        { method: req.method, headers: req.headers },
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
      [error.code === 'AccessDeniedException' ? 'Message' : 'message']: error.message,
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

/** A transaction's items are authorised as the single-item operations they are. */
const TRANSACT_ITEM_ACTIONS: Readonly<Record<string, string>> = {
  Put: 'dynamodb:PutItem',
  Update: 'dynamodb:UpdateItem',
  Delete: 'dynamodb:DeleteItem',
  ConditionCheck: 'dynamodb:ConditionCheckItem',
  Get: 'dynamodb:GetItem',
};

/**
 * What IAM checks for one DynamoDB request: `dynamodb:{Operation}` on the table it names
 * (`TableName`, or each key of a batch's `RequestItems`), each transaction item as its
 * single-item action on its table, and `ListTables` on `*`.
 */
export function permissionsFor(
  operation: string,
  body: Buffer,
): Array<{ action: string; table: string }> {
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8'));
  } catch {
    return [];
  }
  if (input === null || typeof input !== 'object') return [];
  const record = input as Record<string, unknown>;
  const action = `dynamodb:${operation}`;
  const checks: Array<{ action: string; table: string }> = [];
  if (typeof record.TableName === 'string') checks.push({ action, table: record.TableName });
  if (record.RequestItems && typeof record.RequestItems === 'object') {
    for (const table of Object.keys(record.RequestItems)) checks.push({ action, table });
  }
  if (Array.isArray(record.TransactItems)) {
    for (const item of record.TransactItems as unknown[]) {
      for (const [kind, part] of Object.entries((item ?? {}) as Record<string, unknown>)) {
        const table = (part as { TableName?: unknown } | null)?.TableName;
        const itemAction = TRANSACT_ITEM_ACTIONS[kind];
        if (typeof table === 'string' && itemAction) checks.push({ action: itemAction, table });
      }
    }
  }
  if (checks.length === 0 && operation === 'ListTables') checks.push({ action, table: '*' });
  return checks;
}
