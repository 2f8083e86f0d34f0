import type { ApiName, HttpMethod } from './routes';

/**
 * CORS of each API, declared once: the CDK app deploys it, the local gateway serves it and the
 * handlers answer with it, so preflights, gateway errors and answers agree in both places.
 */
export const CORS_ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'X-Amz-Date',
  'X-Amz-Security-Token',
  'X-Amz-Content-Sha256',
  'X-Amz-User-Agent',
  'X-Console-Dry-Run',
  'X-Console-Batch',
] as const;

/**
 * An admin request carrying this header (signed like any other) is answered 204 by the
 * handler without doing anything, once API Gateway has let it through: IAM is evaluated at
 * the gateway, so this is how the Access screen asks "may I call this route?" of the real API,
 * as EC2's `DryRun` does. It checks permission only, not the request's input.
 */
export const DRY_RUN_HEADER = 'X-Console-Dry-Run';

/**
 * The id (a UUID the console makes) of the import or bulk action a request belongs to. The
 * audit log records it with the request's entry, so the log can be filtered to one run.
 */
export const BATCH_HEADER = 'X-Console-Batch';

/** `Date` lets the signing fetch correct clock skew; the others explain an error. */
export const CORS_EXPOSED_HEADERS = ['Date', 'x-amzn-ErrorType', 'x-amzn-RequestId'] as const;

/** Browsers cap this (Chromium at 2 h); it spares a preflight per signed call. */
export const CORS_MAX_AGE_SECONDS = 7200;

/** API Gateway's own answers (REST `GatewayResponse` types) that carry the CORS headers. */
export type CorsGatewayResponse = 'DEFAULT_4XX' | 'DEFAULT_5XX';

/**
 * One API's CORS. Its only origin is the site's, exact (never `*`), as every call carries
 * credentials; a preflight is answered only where routes are, naming their methods.
 */
export interface ApiCors {
  allowCredentials: boolean;
  allowHeaders: readonly string[];
  exposeHeaders: readonly string[];
  maxAgeSeconds: number;
  /** So that the SPA can read why API Gateway itself refused a call. */
  gatewayResponses: readonly CorsGatewayResponse[];
}

/**
 * Each API's CORS, or `undefined` for none. The admin API is called cross-origin, signed,
 * straight at `execute-api`. The general API is same-origin (CloudFront's `/api/*`, the local
 * SPA server's proxy) and the ops API is for monitors, not browsers: neither answers CORS, so
 * a cross-origin mistake fails locally as it would in AWS.
 */
export const API_CORS: Readonly<Record<ApiName, ApiCors | undefined>> = {
  admin: {
    allowCredentials: true,
    allowHeaders: CORS_ALLOWED_HEADERS,
    exposeHeaders: CORS_EXPOSED_HEADERS,
    maxAgeSeconds: CORS_MAX_AGE_SECONDS,
    gatewayResponses: ['DEFAULT_4XX', 'DEFAULT_5XX'],
  },
  general: undefined,
  ops: undefined,
};

/** The methods a preflight names at a resource: its routes' and OPTIONS itself. */
export function preflightMethods(methods: readonly HttpMethod[]): string[] {
  return ['OPTIONS', ...methods];
}

/**
 * A preflight's headers for an allowed `origin`, as the CDK's `addCorsPreflight` renders them
 * into the OPTIONS method's mock integration (API Gateway sends them as static values).
 */
export function corsPreflightHeaders(
  cors: ApiCors,
  origin: string,
  methods: readonly HttpMethod[],
): Record<string, string> {
  return {
    'Access-Control-Allow-Headers': cors.allowHeaders.join(','),
    'Access-Control-Allow-Origin': origin,
    Vary: 'Origin',
    'Access-Control-Allow-Methods': preflightMethods(methods).join(','),
    ...(cors.allowCredentials ? { 'Access-Control-Allow-Credentials': 'true' } : {}),
    'Access-Control-Max-Age': String(cors.maxAgeSeconds),
  };
}

/**
 * The CORS headers of an actual (non-preflight) answer, the handler's own or a gateway
 * response: the origin is echoed only when it is on the exact allow-list, never `*`, because
 * the answer may depend on who calls. An API without CORS sends none at all.
 */
export function corsResponseHeaders(
  cors: ApiCors | undefined,
  origin: string | undefined,
  allowedOrigins: readonly string[],
): Record<string, string> {
  if (!cors) return {};
  const headers: Record<string, string> = { Vary: 'Origin' };
  if (origin && allowedOrigins.includes(origin)) {
    headers['Access-Control-Allow-Origin'] = origin;
    if (cors.allowCredentials) headers['Access-Control-Allow-Credentials'] = 'true';
    headers['Access-Control-Expose-Headers'] = cors.exposeHeaders.join(', ');
  }
  return headers;
}
