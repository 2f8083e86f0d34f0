import type { ServerResponse } from 'node:http';

/**
 * An answer API Gateway gives itself, without reaching the integration: its status, its
 * `x-amzn-ErrorType` (REST APIs only) and its JSON body. IAM denials say `Message`; everything
 * else says `message`.
 */
export class GatewayResponse extends Error {
  constructor(
    readonly status: number,
    readonly errorType: string | undefined,
    message: string,
    readonly bodyKey: 'message' | 'Message' = 'message',
  ) {
    super(message);
  }
}

export const missingAuthenticationToken = () =>
  new GatewayResponse(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
export const forbidden = () => new GatewayResponse(403, 'ForbiddenException', 'Forbidden');
export const unauthorized = (message = 'Unauthorized') =>
  new GatewayResponse(401, 'UnauthorizedException', message);
export const internalServerError = () =>
  new GatewayResponse(502, 'InternalServerErrorException', 'Internal server error');
export const requestTooLong = () =>
  new GatewayResponse(413, 'RequestTooLongException', 'Request Too Long');
export const endpointTimedOut = () =>
  new GatewayResponse(504, 'IntegrationTimeoutException', 'Endpoint request timed out');

/**
 * API Gateway's `execute-api:Invoke` refusal (403 `AccessDeniedException`, body key `Message`),
 * naming the caller (`anonymous` without credentials) and the resource with the account
 * masked to its last four digits; an explicit Deny, in the caller's policy or the API's
 * resource policy, adds ` with an explicit deny`.
 */
export function accessDenied(
  user: string,
  resourceArn: string,
  accountId: string,
  decision: 'ExplicitDeny' | 'ImplicitDeny',
): GatewayResponse {
  const masked = resourceArn.replace(`:${accountId}:`, `:********${accountId.slice(-4)}:`);
  return new GatewayResponse(
    403,
    'AccessDeniedException',
    `User: ${user} is not authorized to perform: execute-api:Invoke on resource: ${masked}${decision === 'ExplicitDeny' ? ' with an explicit deny' : ''}`,
    'Message',
  );
}

export function sendGatewayResponse(
  res: ServerResponse,
  response: GatewayResponse,
  headers: Record<string, string>,
): void {
  const body = JSON.stringify({ [response.bodyKey]: response.message });
  res.writeHead(response.status, {
    ...headers,
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(body)),
    ...(response.errorType ? { 'x-amzn-ErrorType': response.errorType } : {}),
  });
  res.end(body);
}
