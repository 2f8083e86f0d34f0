import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import { API_CORS, routesOf, type ApiName, type ApiStage } from '@contract';
import { BodyTooLargeError } from '../aws/http';
import { newRequestId } from '../aws/identifiers';
import { refuseForeignHost } from '../host-check';
import { FunctionError, FunctionTimeoutError, type LocalFunction } from '../lambda/local-function';
import { GatewayResponse, sendGatewayResponse } from './gateway-response';
import { readIncoming, type IncomingRequest } from './incoming';
import { RouteTable, type MatchedRoute } from './route-table';
import { MAX_PAYLOAD_BYTES } from './rest-api-server';

export interface HttpApiOptions {
  api: ApiName;
  /** `$default` stage: served at the root, no stage in the path. */
  stage: ApiStage;
  /** A Lambda authorizer with simple responses, identity source `$request.header.Authorization`. */
  authorizer: LocalFunction;
  function: LocalFunction;
  now: () => number;
}

/* HTTP APIs answer with `message` only and no `x-amzn-ErrorType`. */
const notFound = () => new GatewayResponse(404, undefined, 'Not Found');
const unauthorized = () => new GatewayResponse(401, undefined, 'Unauthorized');
const forbidden = () => new GatewayResponse(403, undefined, 'Forbidden');
const internalError = () => new GatewayResponse(500, undefined, 'Internal Server Error');
const tooLarge = () => new GatewayResponse(413, undefined, 'Request Entity Too Large');

/**
 * An HTTP API on its `$default` stage: the contract's routes behind a Lambda authorizer that
 * answers `{isAuthorized, context}`, with payload 2.0 events to the authorizer and function.
 * No CORS configuration, as the CDK app deploys it (`API_CORS`): an OPTIONS matches no route.
 */
export function createHttpApiServer(options: HttpApiOptions) {
  const routes = new RouteTable(routesOf(options.api));
  const label = `[${options.api}-api]`;
  if (API_CORS[options.api]) {
    // An HTTP API's CorsConfiguration answers preflights itself and differs from a REST API's.
    throw new Error(`${label} has CORS in API_CORS, which the local HTTP API does not serve yet.`);
  }

  return createServer((req, res) => {
    if (refuseForeignHost(req, res)) return;
    const requestId = newRequestId();
    handle(req, res, requestId).catch((error: unknown) => {
      const response =
        error instanceof GatewayResponse
          ? error
          : error instanceof BodyTooLargeError
            ? tooLarge()
            : undefined;
      if (!response) console.error(`${label} ${requestId} gateway fault:`, error);
      if (res.headersSent) return res.destroy();
      sendGatewayResponse(res, response ?? internalError(), { 'apigw-requestid': requestId });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string) {
    const request = await readIncoming(req, MAX_PAYLOAD_BYTES);
    const matched = routes.find(request.method, request.rawPath);
    if (!matched) throw notFound();
    const base = v2Base(request, matched, requestId);

    const authorization = request.headers.authorization;
    if (!authorization) throw unauthorized();
    const authorizerEvent: APIGatewayRequestAuthorizerEventV2 = {
      ...base,
      type: 'REQUEST',
      routeArn: `arn:aws:execute-api:${options.stage.region}:${options.stage.accountId}:${options.stage.apiId}/${options.stage.stage}/${request.method}${matched.route.path}`,
      identitySource: [authorization],
    } as APIGatewayRequestAuthorizerEventV2;
    const decision = (await invoke(options.authorizer, authorizerEvent, requestId)) as {
      isAuthorized?: unknown;
      context?: Record<string, unknown>;
    } | null;
    if (decision?.isAuthorized !== true) throw forbidden();

    const event = {
      ...base,
      requestContext: {
        ...base.requestContext,
        authorizer: { lambda: decision.context ?? {} },
      },
    } as APIGatewayProxyEventV2;
    sendResult(res, await invoke(options.function, event, requestId), requestId);
  }

  function v2Base(request: IncomingRequest, matched: MatchedRoute, requestId: string) {
    const now = options.now();
    const hasParams = Object.keys(matched.pathParameters).length > 0;
    return {
      version: '2.0',
      routeKey: `${matched.route.method} ${matched.route.path}`,
      rawPath: request.rawPath,
      rawQueryString: request.rawQuery,
      cookies: request.headers.cookie?.split(/;\s*/) ?? [],
      headers: request.headers,
      queryStringParameters: request.rawQuery
        ? Object.fromEntries(new URLSearchParams(request.rawQuery))
        : undefined,
      pathParameters: hasParams ? matched.pathParameters : undefined,
      body: request.body.length ? request.body.toString('base64') : undefined,
      isBase64Encoded: request.body.length > 0,
      requestContext: {
        accountId: options.stage.accountId,
        apiId: options.stage.apiId,
        domainName: request.headers.host ?? '',
        domainPrefix: (request.headers.host ?? '').split('.')[0] ?? '',
        http: {
          method: request.method,
          path: request.rawPath,
          protocol: 'HTTP/1.1',
          sourceIp: request.sourceIp,
          userAgent: request.headers['user-agent'] ?? '',
        },
        requestId,
        routeKey: `${matched.route.method} ${matched.route.path}`,
        stage: options.stage.stage,
        time: new Date(now).toISOString(),
        timeEpoch: now,
      },
    };
  }

  async function invoke(fn: LocalFunction, event: unknown, requestId: string): Promise<unknown> {
    try {
      return await fn.invoke(event, requestId);
    } catch (error) {
      if (error instanceof FunctionError || error instanceof FunctionTimeoutError) {
        console.error(`${label} ${requestId} ${fn.name} failed: ${error.message}`);
        throw internalError();
      }
      throw error;
    }
  }

  /** Payload 2.0 output: a `{statusCode, ...}` object, or any other value as a JSON 200. */
  function sendResult(res: ServerResponse, result: unknown, requestId: string) {
    const structured =
      typeof result === 'object' && result !== null && 'statusCode' in result
        ? (result as {
            statusCode: number;
            headers?: Record<string, string>;
            body?: string;
            isBase64Encoded?: boolean;
          })
        : {
            statusCode: 200,
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(result),
          };
    const body = Buffer.from(structured.body ?? '', structured.isBase64Encoded ? 'base64' : 'utf8');
    res.writeHead(structured.statusCode, {
      'Content-Type': 'application/json',
      ...structured.headers,
      'apigw-requestid': requestId,
      'Content-Length': String(body.length),
    });
    res.end(body);
  }
}
