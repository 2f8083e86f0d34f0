// No zod here: the sign-in screen shows these errors, and its first load stays small.
import { isSkewMessage } from './clock-skew';

/** What went wrong, by who refused: API Gateway itself, or the handler behind it. */
export type ApiErrorKind =
  | 'MissingAuthenticationToken'
  | 'IncompleteSignature'
  | 'InvalidSignature'
  | 'SignatureExpired'
  | 'UnrecognizedClient'
  | 'ExpiredToken'
  | 'AccessDenied'
  | 'Unauthorized'
  | 'TokenExpired'
  | 'Forbidden'
  | 'Throttled'
  | 'GatewayFault'
  | 'Handler';

/** Why an error is likely and what to do: one per kind, plus causes a kind alone can't tell. */
export type ExplanationKey = ApiErrorKind | 'CloudFrontHost' | 'ResourcePolicyDeny';

export const EXPLANATIONS: Record<ExplanationKey, string> = {
  MissingAuthenticationToken:
    'The request was not signed, or this method and path do not exist on the API. Check the URL (including the stage) and that the call goes through the signing fetch.',
  IncompleteSignature:
    'The Authorization header is not a complete SigV4 signature. Sign the request with SigV4 for execute-api.',
  InvalidSignature:
    'The signature does not match the request. Something changed it after signing (a proxy, a rewritten Host, a re-encoded query) or it was signed for another region or service.',
  SignatureExpired:
    'The request was signed more than 5 minutes away from AWS’s clock. Check this device’s clock; the console corrects small offsets by itself.',
  UnrecognizedClient:
    'AWS does not recognise these credentials. Sign out and in again to get new ones.',
  ExpiredToken:
    'The temporary credentials have expired. Use “refresh my access”, or sign in again.',
  AccessDenied:
    'Your IAM role may not call this route. Your group’s role does not allow it: ask an administrator to add you to the right group, then use “refresh my access”.',
  Unauthorized: 'The API did not accept your sign-in. Sign in again.',
  TokenExpired: 'Your sign-in has expired. Sign in again.',
  Forbidden: 'The API refused this caller.',
  Throttled: 'Too many requests. Wait a moment and try again.',
  GatewayFault: 'The API failed to answer. Try again; if it keeps failing, check the API’s logs.',
  Handler: 'The API refused the request.',
  ResourcePolicyDeny:
    'The admin API’s resource policy refuses this caller: only the console’s group roles, and automation roles named at deployment (adminApiAutomationRoles), may call it. Sign in to the console with your own account.',
  CloudFrontHost:
    'The admin API was called through CloudFront, which rewrites the Host header, so the signature can never match. Call the admin API at its own execute-api address (adminApiUrl in config.json).',
};

/**
 * Causes the kind alone can't tell: CloudFront rewrites Host, so a signature made for a
 * CloudFront address never verifies; and an explicit deny on the admin API comes from its
 * resource policy (group roles allow, never deny), not from the caller's role.
 */
function explanationFor(kind: ApiErrorKind, url: URL | undefined, message: string): ExplanationKey {
  if (kind === 'InvalidSignature' && url?.hostname.endsWith('.cloudfront.net')) {
    return 'CloudFrontHost';
  }
  if (kind === 'AccessDenied' && message.endsWith(' with an explicit deny')) {
    return 'ResourcePolicyDeny';
  }
  return kind;
}

function kindOf(status: number, errorType: string, message: string): ApiErrorKind {
  switch (errorType) {
    case 'MissingAuthenticationTokenException':
      return 'MissingAuthenticationToken';
    case 'IncompleteSignatureException':
      return 'IncompleteSignature';
    case 'InvalidSignatureException':
      return isSkewMessage(message) ? 'SignatureExpired' : 'InvalidSignature';
    case 'UnrecognizedClientException':
      return 'UnrecognizedClient';
    case 'ExpiredTokenException':
      return 'ExpiredToken';
    case 'AccessDeniedException':
      return 'AccessDenied';
    case 'UnauthorizedException':
      return /expired/.test(message) ? 'TokenExpired' : 'Unauthorized';
    case 'ForbiddenException':
      return 'Forbidden';
  }
  if (status === 429) return 'Throttled';
  if (status >= 500) return 'GatewayFault';
  return 'Handler';
}

/** What an `ApiError` is made of, named as its fields; `explanation` follows from `hint`. */
export interface ApiErrorOptions {
  status: number;
  kind: ApiErrorKind;
  message: string;
  hint: ExplanationKey;
  requestId: string | null;
  field?: string;
  code?: string;
  body?: unknown;
}

/** An API answer other than success, decoded: who refused, their words, and what to do. */
export class ApiError extends Error {
  readonly status: number;
  readonly kind: ApiErrorKind;
  readonly explanation: string;
  /** The key of `explanation`, for translations. */
  readonly hint: ExplanationKey;
  readonly requestId: string | null;
  /** The field a 400 names, e.g. `body.email`. */
  readonly field?: string;
  /** The handler's machine-readable reason, e.g. `SelfProtection`. */
  readonly code?: string;
  /** The whole body, for answers that carry more (a 409's newer values). */
  readonly body?: unknown;

  constructor(options: ApiErrorOptions) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.kind = options.kind;
    this.explanation = EXPLANATIONS[options.hint];
    this.hint = options.hint;
    this.requestId = options.requestId;
    this.field = options.field;
    this.code = options.code;
    this.body = options.body;
  }
}

/**
 * Reads an error answer. API Gateway names its own refusals in `x-amzn-ErrorType` with
 * `{"message"}` (or `{"Message"}` for IAM denials); handlers answer the contract's error body.
 */
export async function decodeApiError(response: Response, url?: URL): Promise<ApiError> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const record = (body ?? {}) as Record<string, unknown>;
  const message =
    typeof record.message === 'string'
      ? record.message
      : typeof record.Message === 'string'
        ? record.Message
        : text || response.statusText;
  const errorType = (response.headers.get('x-amzn-errortype') ?? '').split(':')[0]!;
  const kind = kindOf(response.status, errorType, message);
  // The contract's error body (`apiErrorBody`): `field` and `code` are optional strings.
  const stringField = (name: string) =>
    typeof record[name] === 'string' ? (record[name] as string) : undefined;
  return new ApiError({
    status: response.status,
    kind,
    message,
    hint: explanationFor(kind, url, message),
    requestId: response.headers.get('x-amzn-requestid'),
    field: stringField('field'),
    code: stringField('code'),
    body,
  });
}

/** The API answered 2xx with a body the contract does not allow. */
export class ResponseShapeError extends Error {
  constructor(
    readonly route: string,
    readonly issues: string,
  ) {
    super(`The answer to ${route} does not match the contract: ${issues}`);
    this.name = 'ResponseShapeError';
  }
}
