import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  API_CORS,
  corsPreflightHeaders,
  corsResponseHeaders,
  routesOf,
  type ApiCors,
  type ApiName,
  type ApiStage,
  type HttpMethod,
} from '@contract';
import { BodyTooLargeError } from '../aws/http';
import { newRequestId } from '../aws/identifiers';
import { refuseForeignHost } from '../host-check';
import { FunctionError, FunctionTimeoutError, type LocalFunction } from '../lambda/local-function';
import type { CognitoAuthorizer } from './cognito-authorizer';
import {
  endpointTimedOut,
  forbidden,
  GatewayResponse,
  internalServerError,
  missingAuthenticationToken,
  requestTooLong,
  sendGatewayResponse,
} from './gateway-response';
import type { IamAuthorizer } from './iam-authorizer';
import { readIncoming } from './incoming';
import type { ApiResourcePolicy } from './resource-policy';
import { restProxyEvent, type RestEventContext } from './rest-event';
import { RouteTable } from './route-table';

/** API Gateway's payload quota for REST APIs. */
export const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

export interface RestApiOptions {
  api: ApiName;
  stage: ApiStage;
  /**
   * How every method is authorised, as the CDK app configures the API. `AWS_IAM` takes
   * anything shaped as `IamAuthorizer`, so a benchmark can build a server that differs from
   * the product's by its authoriser alone (`bench/admin-api.bench.ts`).
   */
  authorizer:
    | { type: 'AWS_IAM'; iam: Pick<IamAuthorizer, 'authorize'> }
    | { type: 'COGNITO_USER_POOLS'; cognito: CognitoAuthorizer };
  function: LocalFunction;
  /**
   * The API's resource policy, if it has one. The IAM authoriser weighs it for signed calls;
   * here it decides the methods without authorisation (preflights), which it must allow.
   */
  resourcePolicy?: ApiResourcePolicy;
  /** Exact origins for preflights and gateway responses, if the API has CORS (`API_CORS`). */
  allowedOrigins: readonly string[];
  now: () => number;
}

/**
 * A REST API stage as API Gateway serves it at `/{stage}/...`: the contract's routes with one
 * authoriser, Lambda proxy integration and the API's CORS as the CDK app deploys it
 * (`API_CORS`): preflights answered without auth where routes are, and the gateway responses
 * it names carrying the CORS headers so a browser can read them. Without CORS, an OPTIONS is a
 * method like any other the API lacks.
 */
export function createRestApiServer(options: RestApiOptions): Server {
  const routes = new RouteTable(routesOf(options.api));
  const label = `[${options.api}-api]`;
  const cors = API_CORS[options.api];

  /** A gateway response's CORS: DEFAULT_4XX covers every 4xx, DEFAULT_5XX every 5xx. */
  const gatewayCors = (status: number, origin: string | undefined) =>
    cors?.gatewayResponses.includes(status < 500 ? 'DEFAULT_4XX' : 'DEFAULT_5XX')
      ? corsResponseHeaders(cors, origin, options.allowedOrigins)
      : {};

  return createServer((req, res) => {
    if (refuseForeignHost(req, res)) return;
    const requestId = newRequestId();
    const baseHeaders = {
      'x-amzn-RequestId': requestId,
      'x-amz-apigw-id': randomBytes(6).toString('base64url').slice(0, 8) + '=',
    };
    handle(req, res, requestId).catch((error: unknown) => {
      const response =
        error instanceof GatewayResponse
          ? error
          : error instanceof BodyTooLargeError
            ? requestTooLong()
            : undefined;
      if (!response) console.error(`${label} ${requestId} gateway fault:`, error);
      if (res.headersSent) return res.destroy();
      const answer = response ?? internalServerError();
      sendGatewayResponse(res, answer, {
        ...baseHeaders,
        ...gatewayCors(answer.status, req.headers.origin),
      });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string) {
    const request = await readIncoming(req, MAX_PAYLOAD_BYTES);
    const stage = options.stage.stage;
    if (request.rawPath !== `/${stage}` && !request.rawPath.startsWith(`/${stage}/`)) {
      throw forbidden();
    }
    const resourcePath = request.rawPath.slice(stage.length + 1) || '/';

    if (request.method === 'OPTIONS' && cors) {
      const methods = routes.methodsAt(resourcePath);
      if (!methods.length) throw missingAuthenticationToken();
      options.resourcePolicy?.authorizeAnonymous(request.method, resourcePath);
      return sendPreflight(res, cors, req.headers.origin, methods, requestId);
    }
    const matched = routes.find(request.method, resourcePath);
    if (!matched) throw missingAuthenticationToken();

    const context: RestEventContext = {
      apiId: options.stage.apiId,
      stage: options.stage.stage,
      accountId: options.stage.accountId,
      requestId,
      now: options.now(),
    };
    if (options.authorizer.type === 'AWS_IAM') {
      context.caller = await options.authorizer.iam.authorize(request, resourcePath);
    } else {
      context.claims = await options.authorizer.cognito.authorize(request.headers.authorization);
    }
    const event = restProxyEvent(request, matched, resourcePath, context);
    const result = await invoke(event, requestId);
    sendProxyResult(res, result, requestId);
  }

  async function invoke(event: unknown, requestId: string): Promise<unknown> {
    try {
      return await options.function.invoke(event, requestId);
    } catch (error) {
      if (error instanceof FunctionError) {
        console.error(
          `${label} ${requestId} Lambda ${error.functionName} failed: ${error.errorType}: ${error.message}\n${error.trace ?? ''}`,
        );
        throw internalServerError();
      }
      if (error instanceof FunctionTimeoutError) {
        console.error(`${label} ${requestId} ${error.message}`);
        throw endpointTimedOut();
      }
      throw error;
    }
  }

  /**
   * The OPTIONS method's mock answer. API Gateway's is static (the site's origin whoever asks);
   * this one names only an allowed origin, and another origin gets no CORS headers: either way
   * that browser refuses.
   */
  function sendPreflight(
    res: ServerResponse,
    apiCors: ApiCors,
    origin: string | undefined,
    methods: readonly HttpMethod[],
    requestId: string,
  ) {
    const allowed = origin !== undefined && options.allowedOrigins.includes(origin);
    res.writeHead(204, {
      'x-amzn-RequestId': requestId,
      ...(allowed ? corsPreflightHeaders(apiCors, origin, methods) : { Vary: 'Origin' }),
    });
    res.end();
  }

  /** Lambda proxy output → HTTP; anything malformed is API Gateway's 502. */
  function sendProxyResult(res: ServerResponse, result: unknown, requestId: string) {
    const output = result as {
      statusCode?: unknown;
      headers?: Record<string, unknown>;
      multiValueHeaders?: Record<string, unknown[]>;
      body?: unknown;
      isBase64Encoded?: unknown;
    } | null;
    const status = Number(output?.statusCode);
    if (
      !output ||
      !Number.isInteger(status) ||
      status < 100 ||
      status > 599 ||
      (output.body !== undefined && output.body !== null && typeof output.body !== 'string')
    ) {
      console.error(
        `${label} ${requestId} Execution failed due to configuration error: Malformed Lambda proxy response`,
      );
      throw internalServerError();
    }
    const body =
      typeof output.body === 'string'
        ? Buffer.from(output.body, output.isBase64Encoded === true ? 'base64' : 'utf8')
        : Buffer.alloc(0);
    const headers: Record<string, string | string[]> = {};
    for (const [name, values] of Object.entries(output.multiValueHeaders ?? {})) {
      headers[name] = values.map(String);
    }
    for (const [name, value] of Object.entries(output.headers ?? {})) headers[name] = String(value);
    const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
    res.writeHead(status, {
      ...(hasType ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
      'x-amzn-RequestId': requestId,
      'Content-Length': String(body.length),
    });
    res.end(body);
  }
}
