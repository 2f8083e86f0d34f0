import type { Server } from 'node:http';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { routePath, routesOf, type ApiName, type ApiStage, type RouteDefinition } from '@contract';
import { restHandler, type RouteHandlers } from '../functions/shared/rest-handler';
import { CognitoAuthorizer } from '../local/gateway/cognito-authorizer';
import { createHttpApiServer } from '../local/gateway/http-api-server';
import { IamAuthorizer } from '../local/gateway/iam-authorizer';
import { createRestApiServer } from '../local/gateway/rest-api-server';
import type { IssuedCredentials } from '../local/iam/credentials';
import { FunctionError, type LocalFunction } from '../local/lambda/local-function';
import { close, listenOnAnyPort } from '../local/net';
import { admitEveryoneAs } from '../local/testing/admit-everyone';
import { resolveIntrinsics, type IntrinsicValues } from './testing/intrinsics';
import {
  fakeResourceValues,
  FAKE_IDS,
  logicalIdOf,
  resourcesOfType,
  restApiMethods,
  synthConsole,
  TEST_ACCOUNT,
  TEST_REGION,
  TEST_STAGE,
  type SynthesizedConsole,
} from './testing/synth-console';

/*
 * Each API's CORS as the synthesized template deploys it, next to what the local servers answer
 * for the same site origin: preflights (origin, methods, headers, credentials, max age, status),
 * API Gateway's own error answers (DEFAULT_4XX, DEFAULT_5XX) and the handlers' own answers.
 * Both sides read `API_CORS`; this is what catches one of them drifting from it.
 */
const SITE_ORIGIN = `https://${FAKE_IDS.distributionDomain}`;
const FOREIGN_ORIGIN = 'https://evil.example';

let synthesized: SynthesizedConsole;
let values: IntrinsicValues;
const servers: Server[] = [];
const urls = {} as Record<ApiName, string>;
/** The admin API again, its authoriser admitting every call, so one reaches the function. */
let openAdminUrl: string;

/** Whoever the open admin API admits a call as: no signature is checked, so nothing real. */
const ANY_CALLER: IssuedCredentials = {
  accessKeyId: 'open-admin-api-caller',
  secretAccessKey: 'unused',
  roleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/AnyCaller`,
  assumedRoleArn: `arn:aws:sts::${TEST_ACCOUNT}:assumed-role/AnyCaller/test`,
  issuedAt: 0,
  expiresAt: Number.MAX_SAFE_INTEGER,
};

/** Stands in for a function that crashes, so API Gateway answers its own 502. */
const crashingFunction = {
  name: 'crashes',
  invoke: () => Promise.reject(new FunctionError('crashes', 'Error', 'boom', undefined)),
} as unknown as LocalFunction;

const stageOf = (apiId: string, stage = TEST_STAGE): ApiStage => ({
  region: TEST_REGION,
  accountId: TEST_ACCOUNT,
  apiId,
  stage,
});

const PORT_NAMES = { admin: 'adminApi', general: 'generalApi', ops: 'opsApi' } as const;

/** Listens on a free port and returns the URL `base` starts at there. */
async function serve(name: ApiName, server: Server, base: string): Promise<string> {
  const port = await listenOnAnyPort(server, PORT_NAMES[name], '127.0.0.1');
  servers.push(server);
  return `http://127.0.0.1:${port}${base}`;
}

beforeAll(async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  synthesized = synthConsole({ production: false, withBuild: false });
  values = fakeResourceValues(synthesized.stack);
  const now = Date.now;
  urls.admin = await serve(
    'admin',
    createRestApiServer({
      api: 'admin',
      stage: stageOf(FAKE_IDS.adminApi),
      authorizer: {
        type: 'AWS_IAM',
        iam: new IamAuthorizer({
          stage: stageOf(FAKE_IDS.adminApi),
          now,
          findCredentials: () => undefined,
        }),
      },
      function: crashingFunction,
      allowedOrigins: [SITE_ORIGIN],
      now,
    }),
    `/${TEST_STAGE}`,
  );
  // Every call admitted, so one reaches the crashing function and gets a 5XX gateway response.
  openAdminUrl = await serve(
    'admin',
    createRestApiServer({
      api: 'admin',
      stage: stageOf(FAKE_IDS.adminApi),
      authorizer: { type: 'AWS_IAM', iam: admitEveryoneAs(ANY_CALLER) },
      function: crashingFunction,
      allowedOrigins: [SITE_ORIGIN],
      now,
    }),
    `/${TEST_STAGE}`,
  );
  urls.general = await serve(
    'general',
    createRestApiServer({
      api: 'general',
      stage: stageOf(FAKE_IDS.generalApi),
      authorizer: {
        type: 'COGNITO_USER_POOLS',
        cognito: new CognitoAuthorizer({
          issuer: `https://cognito-idp.${TEST_REGION}.amazonaws.com/${FAKE_IDS.userPool}`,
          jwks: { keys: [] },
          now,
        }),
      },
      function: crashingFunction,
      allowedOrigins: [SITE_ORIGIN],
      now,
    }),
    `/${TEST_STAGE}`,
  );
  urls.ops = await serve(
    'ops',
    createHttpApiServer({
      api: 'ops',
      stage: stageOf(FAKE_IDS.opsApi, '$default'),
      authorizer: crashingFunction,
      function: crashingFunction,
      now,
    }),
    '',
  );
}, 120_000);
afterAll(async () => {
  await Promise.all(servers.map(close));
  synthesized?.dispose();
  vi.restoreAllMocks();
});

const SAMPLE_PARAMS = { username: 'alice', group: 'admin', id: '01JD0C0FFEE' };
const samplePath = (route: RouteDefinition) => routePath(route, SAMPLE_PARAMS);

/** The CORS headers of an answer (and `Vary`), lower-case names. */
function corsOf(headers: Headers | Record<string, unknown> = {}): Record<string, string> {
  const entries = headers instanceof Headers ? [...headers] : Object.entries(headers);
  return Object.fromEntries(
    entries
      .map(([name, value]) => [name.toLowerCase(), String(value)] as const)
      .filter(([name]) => name.startsWith('access-control-') || name === 'vary'),
  );
}

/** `{'method.response.header.X': "'v'"}` → `{x: 'v'}`, intrinsics resolved as AWS would. */
function templateHeaders(parameters: Record<string, unknown>, prefix: string) {
  return Object.fromEntries(
    Object.entries(parameters).map(([key, value]) => [
      key.slice(prefix.length).toLowerCase(),
      resolveIntrinsics(value, values).replace(/^'(.*)'$/s, '$1'),
    ]),
  );
}

function apiLogicalId(name: 'admin' | 'general'): string {
  const { stack } = synthesized;
  return logicalIdOf(stack, (name === 'admin' ? stack.adminApi : stack.generalApi).api);
}

/** Each deployed preflight: its resource path, status code and response headers. */
function deployedPreflights(name: 'admin' | 'general') {
  return restApiMethods(synthesized.resources, apiLogicalId(name))
    .filter((m) => m.method === 'OPTIONS')
    .map((m) => {
      const integration = m.properties.Integration as {
        IntegrationResponses: Array<{ StatusCode: string; ResponseParameters: object }>;
      };
      const response = integration.IntegrationResponses[0]!;
      return {
        path: m.path,
        status: Number(response.StatusCode),
        headers: templateHeaders(
          response.ResponseParameters as Record<string, unknown>,
          'method.response.header.',
        ),
      };
    });
}

/** Each deployed gateway response of a REST API: its type and headers. */
function deployedGatewayResponses(name: 'admin' | 'general') {
  return resourcesOfType(synthesized.resources, 'AWS::ApiGateway::GatewayResponse')
    .filter(([, r]) => (r.Properties!.RestApiId as { Ref?: string }).Ref === apiLogicalId(name))
    .map(([, r]) => ({
      type: String(r.Properties!.ResponseType),
      headers: templateHeaders(
        (r.Properties!.ResponseParameters ?? {}) as Record<string, unknown>,
        'gatewayresponse.header.',
      ),
    }));
}

const preflight = (url: string, origin: string, method: string) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': method,
      'access-control-request-headers': 'authorization,content-type,x-amz-date',
    },
  });

describe('the admin API’s CORS, deployed and local', () => {
  it('answers a preflight on every resource with routes, with the same headers and status', async () => {
    const deployed = deployedPreflights('admin');
    const paths = [...new Set(routesOf('admin').map(([, route]) => route.path))];
    expect(deployed.map((p) => p.path).sort()).toEqual(paths.sort());
    for (const { path, status, headers } of deployed) {
      const route = routesOf('admin').find(([, r]) => r.path === path)![1];
      const local = await preflight(`${urls.admin}${samplePath(route)}`, SITE_ORIGIN, route.method);
      expect({ path, status: local.status, headers: corsOf(local.headers) }).toEqual({
        path,
        status,
        headers,
      });
      expect(headers['access-control-allow-origin']).toBe(SITE_ORIGIN);
    }
  });

  it('gives API Gateway’s own 4XX and 5XX answers the same CORS headers', async () => {
    const deployed = deployedGatewayResponses('admin');
    expect(deployed.map((r) => r.type).sort()).toEqual(['DEFAULT_4XX', 'DEFAULT_5XX']);
    const whoami = '/admin/whoami';
    const refused = await fetch(`${urls.admin}${whoami}`, { headers: { origin: SITE_ORIGIN } });
    expect(refused.status).toBe(403);
    const crashed = await fetch(`${openAdminUrl}${whoami}`, {
      headers: { origin: SITE_ORIGIN },
    });
    expect(crashed.status).toBe(502);
    expect({
      DEFAULT_4XX: corsOf(refused.headers),
      DEFAULT_5XX: corsOf(crashed.headers),
    }).toEqual(Object.fromEntries(deployed.map((r) => [r.type, r.headers])));
  });

  it('has the handler answer with the headers of the gateway responses', async () => {
    const [gatewayHeaders] = deployedGatewayResponses('admin').map((r) => r.headers);
    const answer = await handlerAnswer('admin', SITE_ORIGIN);
    expect(corsOf(answer.headers)).toEqual(gatewayHeaders);
  });

  it('allows no other origin, locally as deployed (where the preflight names only the site)', async () => {
    const [, route] = routesOf('admin')[0]!;
    const local = await preflight(`${urls.admin}${samplePath(route)}`, FOREIGN_ORIGIN, 'GET');
    expect(local.headers.get('access-control-allow-origin')).toBeNull();
    const refused = await fetch(`${urls.admin}/admin/whoami`, {
      headers: { origin: FOREIGN_ORIGIN },
    });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the general API, same-origin, has no CORS deployed or local', () => {
  it('deploys no preflight and no gateway response headers', () => {
    expect(deployedPreflights('general')).toEqual([]);
    expect(
      deployedGatewayResponses('general').filter((r) => Object.keys(r.headers).length),
    ).toEqual([]);
  });

  it.each(routesOf('general').map(([name, route]) => [name, route] as const))(
    'refuses an OPTIONS at %s as a method the API lacks, with no CORS headers',
    async (_, route) => {
      const response = await preflight(`${urls.general}${samplePath(route)}`, SITE_ORIGIN, 'GET');
      expect(response.status).toBe(403);
      expect(response.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
      expect(await response.json()).toEqual({ message: 'Missing Authentication Token' });
      expect(corsOf(response.headers)).toEqual({});
    },
  );

  it('gives its gateway errors and its handler’s answers no CORS headers', async () => {
    const [, route] = routesOf('general')[0]!;
    const refused = await fetch(`${urls.general}${samplePath(route)}`, {
      headers: { origin: SITE_ORIGIN },
    });
    expect(refused.status).toBe(401);
    expect(corsOf(refused.headers)).toEqual({});
    expect(corsOf((await handlerAnswer('general', SITE_ORIGIN)).headers)).toEqual({});
  });
});

describe('the ops HTTP API has no CORS deployed or local', () => {
  it('deploys no CorsConfiguration', () => {
    const apis = resourcesOfType(synthesized.resources, 'AWS::ApiGatewayV2::Api');
    expect(apis).toHaveLength(1);
    expect(apis[0]![1].Properties).not.toHaveProperty('CorsConfiguration');
  });

  it.each(routesOf('ops').map(([name, route]) => [name, route] as const))(
    'answers an OPTIONS at %s 404 Not Found, with no CORS headers',
    async (_, route) => {
      const response = await preflight(`${urls.ops}${samplePath(route)}`, SITE_ORIGIN, 'GET');
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ message: 'Not Found' });
      expect(corsOf(response.headers)).toEqual({});
    },
  );
});

/** A REST handler's answer to `origin` (for a path it has no route for: CORS comes first). */
async function handlerAnswer(api: 'admin' | 'general', origin: string) {
  const handler = restHandler(api, {} as RouteHandlers<typeof api>, {
    allowedOrigins: () => [SITE_ORIGIN],
  });
  return handler({
    resource: '/no/such/route',
    httpMethod: 'GET',
    headers: { Origin: origin },
  } as unknown as APIGatewayProxyEvent);
}
