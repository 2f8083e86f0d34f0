/**
 * CORS for the APIs the browser calls cross-origin. The local gateway, the handlers and the
 * CDK app all take their headers from here, so preflights and answers agree.
 */
export const CORS_ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'X-Amz-Date',
  'X-Amz-Security-Token',
  'X-Amz-Content-Sha256',
  'X-Amz-User-Agent',
  'X-Console-Dry-Run',
] as const;

/**
 * An admin request carrying this header (signed like any other) is answered 204 by the
 * handler without doing anything, once API Gateway has let it through: IAM is evaluated at
 * the gateway, so this is how the Access screen asks "may I call this route?" of the real API,
 * as EC2's `DryRun` does. It checks permission only, not the request's input.
 */
export const DRY_RUN_HEADER = 'X-Console-Dry-Run';

/** `Date` lets the signing fetch correct clock skew; the others explain an error. */
export const CORS_EXPOSED_HEADERS = ['Date', 'x-amzn-ErrorType', 'x-amzn-RequestId'] as const;

/** Browsers cap this (Chromium at 2 h); it spares a preflight per signed call. */
export const CORS_MAX_AGE_SECONDS = 7200;

/**
 * The CORS headers of an actual (non-preflight) answer: the origin is echoed only when it is
 * on the exact allow-list, never `*`, because the answer may depend on who calls.
 */
export function corsResponseHeaders(
  origin: string | undefined,
  allowedOrigins: readonly string[],
): Record<string, string> {
  const headers: Record<string, string> = { Vary: 'Origin' };
  if (origin && allowedOrigins.includes(origin)) {
    headers['Access-Control-Allow-Origin'] = origin;
    headers['Access-Control-Allow-Credentials'] = 'true';
    headers['Access-Control-Expose-Headers'] = CORS_EXPOSED_HEADERS.join(', ');
  }
  return headers;
}
