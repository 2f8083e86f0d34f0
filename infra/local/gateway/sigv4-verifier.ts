import { createHash } from 'node:crypto';
import { Hash } from '@smithy/core/serde';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { timingSafeEqualStrings } from '../aws/timing-safe';
import type { IssuedCredentials } from '../iam/credentials';
import { parseQuery } from './incoming';

/** A 403 as API Gateway's IAM authorisation answers it (`x-amzn-ErrorType` and message). */
export class GatewayAuthError extends Error {
  readonly status = 403;
  constructor(
    readonly errorType: string,
    message: string,
  ) {
    super(message);
  }
}

export interface SignedRequest {
  method: string;
  /** The path exactly as it came on the wire, still percent-encoded. */
  rawPath: string;
  /** The query string as it came on the wire, without `?`. */
  rawQuery: string;
  /** Lower-case names; repeated headers already joined with `,`. */
  headers: Record<string, string>;
  body: Uint8Array;
}

export interface VerifierOptions {
  region: string;
  service: string;
  now: () => number;
  findCredentials: (accessKeyId: string) => IssuedCredentials | undefined;
  /** How far a request's time may be from the service's clock (5 unless given). */
  clockSkewMinutes?: number;
}

/** node:crypto's SHA-256 behind smithy's hash interface: the server needs no browser-safe JS. */
const NodeSha256 = Hash.bind(null, 'sha256');
const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const INVALID_TOKEN = 'The security token included in the request is invalid.';

/**
 * API Gateway's whole answer to a signature that does not match: it quotes the canonical
 * request and the string to sign it computed, so a client can compare them with its own.
 * Format as execute-api answers it (mhart/aws4#33, a Postman call to a REST API stage; the
 * same text from cognito-sync in aws/aws-sdk-cpp#17): blank line, each quoted in `'`, a
 * trailing newline.
 */
export function signatureMismatchMessage(canonicalRequest: string, stringToSign: string): string {
  return `${SIGNATURE_MISMATCH}\n\nThe Canonical String for this request should have been\n'${canonicalRequest}'\n\nThe String-to-Sign should have been\n'${stringToSign}'\n`;
}

/**
 * smithy's signer, keeping the canonical request and the string to sign of its last signature
 * (its own protected steps, so nothing is canonicalised by hand) for that message.
 */
class ExplainingSignatureV4 extends SignatureV4 {
  canonicalRequest = '';
  stringToSign = '';

  protected override createCanonicalRequest(
    request: HttpRequest,
    canonicalHeaders: Record<string, string>,
    payloadHash: string,
  ): string {
    this.canonicalRequest = super.createCanonicalRequest(request, canonicalHeaders, payloadHash);
    return this.canonicalRequest;
  }

  protected override async createStringToSign(
    longDate: string,
    credentialScope: string,
    canonicalRequest: string,
    algorithmIdentifier: string,
  ): Promise<string> {
    this.stringToSign = await super.createStringToSign(
      longDate,
      credentialScope,
      canonicalRequest,
      algorithmIdentifier,
    );
    return this.stringToSign;
  }
}

interface ParsedAuthorization {
  accessKeyId: string;
  scopeDate: string;
  scopeRegion: string;
  scopeService: string;
  signedHeaders: string[];
  signature: string;
}

/** `20261121T084700Z` ⇄ Date. */
const amzDate = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
function parseAmzDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : undefined;
}

/**
 * Splits `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`; anything else is
 * refused with API Gateway's IncompleteSignatureException wording.
 */
export function parseAuthorization(authorization: string, hasDate: boolean): ParsedAuthorization {
  const trimmed = authorization.trim();
  const space = trimmed.search(/\s/);
  const scheme = space < 0 ? trimmed : trimmed.slice(0, space);
  const params = new Map<string, string>();
  if (scheme === 'AWS4-HMAC-SHA256' && space > 0) {
    // Space around the commas is formatting; space inside a value is part of it.
    for (const part of trimmed
      .slice(space)
      .split(',')
      .map((p) => p.trim())) {
      const eq = part.indexOf('=');
      if (eq > 0) params.set(part.slice(0, eq), part.slice(eq + 1));
    }
  }
  const missing = [
    params.get('Credential') ? undefined : "Authorization header requires 'Credential' parameter.",
    params.get('Signature') ? undefined : "Authorization header requires 'Signature' parameter.",
    params.get('SignedHeaders')
      ? undefined
      : "Authorization header requires 'SignedHeaders' parameter.",
    hasDate
      ? undefined
      : "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
  ].filter(Boolean);
  if (missing.length) {
    throw new GatewayAuthError(
      'IncompleteSignatureException',
      `${missing.join(' ')} Authorization=${authorization}`,
    );
  }
  const scope = params.get('Credential')!.split('/');
  const [accessKeyId = '', scopeDate = '', scopeRegion = '', scopeService = '', terminator] = scope;
  // Exactly key/date/region/service/aws4_request: nothing after the terminator is ignored.
  if (scope.length !== 5 || terminator !== 'aws4_request' || !accessKeyId) {
    throw new GatewayAuthError(
      'IncompleteSignatureException',
      `Credential should be scoped to a valid region, service and date, and end with aws4_request. Authorization=${authorization}`,
    );
  }
  return {
    accessKeyId,
    scopeDate,
    scopeRegion,
    scopeService,
    signedHeaders: params.get('SignedHeaders')!.toLowerCase().split(';'),
    signature: params.get('Signature')!,
  };
}

/**
 * Temporary credentials are valid only with their own session token; a long-term key only
 * without one (STS and IAM both answer "The security token included in the request is invalid").
 */
function sessionTokenMatches(sent: string | undefined, credentials: IssuedCredentials): boolean {
  if (credentials.sessionToken === undefined) return sent === undefined;
  return sent !== undefined && timingSafeEqualStrings(sent, credentials.sessionToken);
}

/** The query as smithy takes it: each key once, repeated keys' values as an array. */
function signableQuery(raw: string): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(parseQuery(raw).multi).map(([key, values]) => [
      key,
      values.length === 1 ? values[0]! : values,
    ]),
  );
}

/**
 * API Gateway's `AWS_IAM` check: SigV4 recomputed with @smithy/signature-v4 over exactly the
 * headers the client signed, the body bytes and the query; scope, the 5-minute window and the
 * session token checked against the credentials the local identity pool issued.
 * Returns the caller's credentials record.
 */
export async function verifySigV4(
  request: SignedRequest,
  options: VerifierOptions,
): Promise<IssuedCredentials> {
  const authorization = request.headers.authorization;
  if (!authorization)
    throw new GatewayAuthError(
      'MissingAuthenticationTokenException',
      'Missing Authentication Token',
    );
  const dateHeader = request.headers['x-amz-date'];
  const parsed = parseAuthorization(
    authorization,
    dateHeader !== undefined || request.headers.date !== undefined,
  );

  const requestTime = dateHeader
    ? parseAmzDate(dateHeader)
    : Date.parse(request.headers.date ?? '');
  if (requestTime === undefined || Number.isNaN(requestTime)) {
    throw new GatewayAuthError(
      'IncompleteSignatureException',
      `Date must be in ISO-8601 'basic format'. Got '${dateHeader ?? request.headers.date}'. See http://en.wikipedia.org/wiki/ISO_8601`,
    );
  }
  const requestStamp = amzDate(requestTime);
  if (parsed.scopeDate !== requestStamp.slice(0, 8)) {
    throw new GatewayAuthError(
      'InvalidSignatureException',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${parsed.scopeDate}' != '${requestStamp.slice(0, 8)}', from '${dateHeader ? 'x-amz-date' : 'date'}'.`,
    );
  }
  if (parsed.scopeRegion !== options.region) {
    throw new GatewayAuthError(
      'InvalidSignatureException',
      `Credential should be scoped to a valid region. `,
    );
  }
  if (parsed.scopeService !== options.service) {
    throw new GatewayAuthError(
      'InvalidSignatureException',
      `Credential should be scoped to correct service: '${options.service}'. `,
    );
  }
  const now = options.now();
  // API Gateway and most services allow 5 minutes either way; DynamoDB allows 15.
  const skewMinutes = options.clockSkewMinutes ?? 5;
  const skewMs = skewMinutes * 60 * 1000;
  if (requestTime < now - skewMs) {
    throw new GatewayAuthError(
      'InvalidSignatureException',
      `Signature expired: ${requestStamp} is now earlier than ${amzDate(now - skewMs)} (${amzDate(now)} - ${skewMinutes} min.)`,
    );
  }
  if (requestTime > now + skewMs) {
    throw new GatewayAuthError(
      'InvalidSignatureException',
      `Signature not yet current: ${requestStamp} is still later than ${amzDate(now + skewMs)} (${amzDate(now)} + ${skewMinutes} min.)`,
    );
  }

  const credentials = options.findCredentials(parsed.accessKeyId);
  if (!credentials || !sessionTokenMatches(request.headers['x-amz-security-token'], credentials)) {
    throw new GatewayAuthError('UnrecognizedClientException', INVALID_TOKEN);
  }
  if (credentials.expiresAt <= now) {
    throw new GatewayAuthError(
      'ExpiredTokenException',
      'The security token included in the request is expired',
    );
  }
  if (!parsed.signedHeaders.includes('host')) {
    throw new GatewayAuthError('InvalidSignatureException', SIGNATURE_MISMATCH);
  }

  // A client may send the payload hash; the signature then covers it, so it must be the body's.
  const declaredHash = request.headers['x-amz-content-sha256'];
  if (
    declaredHash !== undefined &&
    declaredHash !== createHash('sha256').update(request.body).digest('hex')
  ) {
    throw new GatewayAuthError('InvalidSignatureException', SIGNATURE_MISMATCH);
  }

  const signedHeaders = new Set(parsed.signedHeaders);
  const headers = Object.fromEntries(
    Object.entries(request.headers).filter(([name]) => signedHeaders.has(name)),
  );
  const signer = new ExplainingSignatureV4({
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: signedHeaders.has('x-amz-security-token')
        ? credentials.sessionToken
        : undefined,
    },
    region: options.region,
    service: options.service,
    sha256: NodeSha256,
    uriEscapePath: true,
    applyChecksum: false,
  });
  const recomputed = await signer.sign(
    new HttpRequest({
      method: request.method,
      protocol: 'https:',
      hostname: headers.host ?? '',
      path: request.rawPath,
      query: signableQuery(request.rawQuery),
      headers,
      body: request.body,
    }),
    { signingDate: new Date(requestTime), signableHeaders: signedHeaders },
  );
  const expected =
    /Signature=([0-9a-f]{64})/.exec(String(recomputed.headers.authorization))?.[1] ?? '';
  const expectedSignedHeaders = /SignedHeaders=([^,]+)/.exec(
    String(recomputed.headers.authorization),
  )?.[1];
  if (
    expectedSignedHeaders !== parsed.signedHeaders.join(';') ||
    !timingSafeEqualStrings(expected, parsed.signature)
  ) {
    throw new GatewayAuthError(
      'InvalidSignatureException',
      signatureMismatchMessage(signer.canonicalRequest, signer.stringToSign),
    );
  }
  return credentials;
}
