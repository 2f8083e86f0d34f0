import { Duration, Validations } from 'aws-cdk-lib';
import { ResponseType, type RestApi } from 'aws-cdk-lib/aws-apigateway';
import {
  API_CORS,
  corsResponseHeaders,
  preflightMethods,
  routesOf,
  type ApiName,
  type CorsGatewayResponse,
  type HttpMethod,
} from '@contract';

/** Each gateway response type, with the construct id it has always had in the template. */
const GATEWAY_RESPONSES: Record<CorsGatewayResponse, { id: string; type: ResponseType }> = {
  DEFAULT_4XX: { id: 'Default4xx', type: ResponseType.DEFAULT_4XX },
  DEFAULT_5XX: { id: 'Default5xx', type: ResponseType.DEFAULT_5XX },
};

/**
 * A REST API's CORS as the contract declares it (`API_CORS`), for `siteOrigin` only: a
 * preflight on each resource that has routes, naming their methods, and the gateway responses
 * it lists carrying the handler's CORS headers. An API without CORS gets nothing, so an
 * OPTIONS there is refused like any method the API lacks.
 */
export function addRestApiCors(api: RestApi, apiName: ApiName, siteOrigin: string): void {
  const cors = API_CORS[apiName];
  if (!cors) return;

  const methodsByPath = new Map<string, HttpMethod[]>();
  for (const [, route] of routesOf(apiName)) {
    methodsByPath.set(route.path, [...(methodsByPath.get(route.path) ?? []), route.method]);
  }
  for (const [path, methods] of methodsByPath) {
    const preflight = api.root.resourceForPath(path).addCorsPreflight({
      allowOrigins: [siteOrigin],
      allowCredentials: cors.allowCredentials,
      allowMethods: preflightMethods(methods),
      allowHeaders: [...cors.allowHeaders],
      maxAge: Duration.seconds(cors.maxAgeSeconds),
    });
    Validations.of(preflight).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'A CORS preflight (OPTIONS) cannot carry credentials by the Fetch standard; it is a mock integration that only answers the CORS headers and reaches no handler.',
    });
  }

  // The headers the handler sends with its own answers, as static gateway-response values.
  const responseHeaders = Object.fromEntries(
    Object.entries(corsResponseHeaders(cors, siteOrigin, [siteOrigin])).map(([header, value]) => [
      header,
      `'${value}'`,
    ]),
  );
  for (const name of cors.gatewayResponses) {
    const { id, type } = GATEWAY_RESPONSES[name];
    api.addGatewayResponse(id, { type, responseHeaders });
  }
}
