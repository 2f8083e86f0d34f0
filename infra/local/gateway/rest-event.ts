import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { IssuedCredentials } from '../iam/credentials';
import { parseQuery, type IncomingRequest } from './incoming';
import type { MatchedRoute } from './route-table';

export interface RestEventContext {
  apiId: string;
  stage: string;
  accountId: string;
  requestId: string;
  now: number;
  /** Set on `AWS_IAM` routes. */
  caller?: IssuedCredentials;
  /** Set on Cognito-authorizer routes. */
  claims?: Record<string, string>;
}

const TEXT_TYPES = /^(application\/(json|[\w.+-]*\+json|x-www-form-urlencoded|xml)|text\/)/;

/** A REST API's Lambda proxy event (payload 1.0) for one request. */
export function restProxyEvent(
  request: IncomingRequest,
  matched: MatchedRoute,
  resourcePath: string,
  context: RestEventContext,
): APIGatewayProxyEvent {
  const query = parseQuery(request.rawQuery);
  const hasQuery = Object.keys(query.single).length > 0;
  const hasParams = Object.keys(matched.pathParameters).length > 0;
  const isText = TEXT_TYPES.test(request.headers['content-type'] ?? 'application/json');
  const caller = context.caller;
  const provider = caller?.authenticationProvider ?? null;
  return {
    resource: matched.route.path,
    path: decodeURIComponent(resourcePath),
    httpMethod: request.method,
    headers: request.headers,
    multiValueHeaders: Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name, [value]]),
    ),
    queryStringParameters: hasQuery ? query.single : null,
    multiValueQueryStringParameters: hasQuery ? query.multi : null,
    pathParameters: hasParams ? matched.pathParameters : null,
    stageVariables: null,
    body: request.body.length ? request.body.toString(isText ? 'utf8' : 'base64') : null,
    isBase64Encoded: request.body.length > 0 && !isText,
    requestContext: {
      accountId: context.accountId,
      apiId: context.apiId,
      stage: context.stage,
      requestId: context.requestId,
      extendedRequestId: context.requestId,
      requestTimeEpoch: context.now,
      httpMethod: request.method,
      path: `/${context.stage}${decodeURIComponent(resourcePath)}`,
      resourcePath: matched.route.path,
      resourceId: matched.name,
      protocol: 'HTTP/1.1',
      authorizer: context.claims ? { claims: context.claims } : null,
      identity: {
        accessKey: caller?.accessKeyId ?? null,
        accountId: caller ? context.accountId : null,
        apiKey: null,
        apiKeyId: null,
        caller: caller
          ? `${caller.assumedRoleArn.split('/')[1] ?? ''}:CognitoIdentityCredentials`
          : null,
        clientCert: null,
        cognitoAuthenticationProvider: provider,
        cognitoAuthenticationType: provider ? 'authenticated' : null,
        cognitoIdentityId: caller?.identityId ?? null,
        cognitoIdentityPoolId: caller?.identityPoolId ?? null,
        principalOrgId: null,
        sourceIp: request.sourceIp,
        user: caller ? `${caller.accessKeyId}:CognitoIdentityCredentials` : null,
        userAgent: request.headers['user-agent'] ?? null,
        userArn: caller?.assumedRoleArn ?? null,
      },
    },
  };
}
