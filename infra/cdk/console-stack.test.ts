import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CORS_ALLOWED_HEADERS,
  CORS_EXPOSED_HEADERS,
  CORS_MAX_AGE_SECONDS,
  GROUP_NAMES,
  GROUPS,
  parseRuntimeConfig,
  routesOf,
  SECURITY_HEADERS,
} from '@contract';
import { TABLES, type TableName } from '../functions/shared/tables';
import { FUNCTION_ACCESS, needsSiteOrigin } from '../functions/function-access';
import { accessPolicy, tablesOf } from '../functions/shared/access';
import { HANDLER_NAMES, type HandlerName } from './constructs/handlers';
import { SPA_FALLBACK_CODE } from './constructs/spa-fallback';
import { NOBODY_CIDR } from './deployment-settings';
import { resolveIntrinsics } from './testing/intrinsics';
import {
  fakeResourceValues,
  logicalIdOf,
  onlyResourceOfType,
  resourcesOfType,
  restApiMethods,
  synthConsole,
  TEST_REGION,
  TEST_STAGE,
  type CfnResourceJson,
  type SynthesizedConsole,
} from './testing/synth-console';

let synthesized: SynthesizedConsole;
let ids: {
  adminApi: string;
  generalApi: string;
  opsApi: string;
  userPool: string;
  client: string;
  identityPool: string;
  distribution: string;
  headersPolicy: string;
  siteBucket: string;
  logBucket: string;
  opsToken: string;
  tables: Record<TableName, string>;
  functions: Record<HandlerName, string>;
  groupRoles: Record<string, string>;
};

beforeAll(() => {
  synthesized = synthConsole({ production: false, withBuild: true });
  const { stack } = synthesized;
  const id = (construct: Parameters<typeof logicalIdOf>[1]) => logicalIdOf(stack, construct);
  ids = {
    adminApi: id(stack.adminApi.api),
    generalApi: id(stack.generalApi.api),
    opsApi: id(stack.opsApi.api),
    userPool: id(stack.users.userPool),
    client: id(stack.users.client),
    identityPool: id(stack.access.identityPool),
    distribution: id(stack.site.distribution),
    headersPolicy: id(stack.site.headersPolicy),
    siteBucket: id(stack.site.bucket),
    logBucket: id(stack.site.logBucket),
    opsToken: id(stack.opsToken),
    tables: mapValues(stack.data.tables, id),
    functions: mapValues(stack.handlers.functions, id),
    groupRoles: mapValues(stack.access.roles, id),
  };
}, 120_000);
afterAll(() => synthesized?.dispose());

const resources = () => synthesized.resources;
const props = (logicalId: string) => resources()[logicalId]!.Properties!;
const siteOrigin = () => ({
  'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [ids.distribution, 'DomainName'] }]],
});
const quoted = (value: unknown) => ({ 'Fn::Join': ['', ["'https://", value, "'"]] });

describe('the user pool', () => {
  it('signs people in by e-mail, invitation only, with Cognito’s password policy', () => {
    expect(props(ids.userPool)).toMatchObject({
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: {
        PasswordPolicy: {
          MinimumLength: 8,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
    });
  });

  it('can be deleted with a development stack', () => {
    expect(props(ids.userPool).DeletionProtection).toBe('INACTIVE');
    expect(resources()[ids.userPool]!.DeletionPolicy).toBe('Delete');
  });

  it('gives the SPA a client without a secret that signs in with SRP only', () => {
    const client = props(ids.client);
    expect(client.GenerateSecret).toBe(false);
    expect([...(client.ExplicitAuthFlows as string[])].sort()).toEqual([
      'ALLOW_REFRESH_TOKEN_AUTH',
      'ALLOW_USER_SRP_AUTH',
    ]);
  });

  it('keeps the original e-mail until a new one is verified, which is all a user may write', () => {
    expect(props(ids.userPool).UserAttributeUpdateSettings).toEqual({
      AttributesRequireVerificationBeforeUpdate: ['email'],
    });
    expect(props(ids.client).WriteAttributes).toEqual(['email']);
  });

  it('gives the SPA client no OAuth: no grant, scope or callback URL (there is no hosted UI)', () => {
    const client = props(ids.client);
    expect(client.AllowedOAuthFlowsUserPoolClient).toBe(false);
    for (const setting of [
      'AllowedOAuthFlows',
      'AllowedOAuthScopes',
      'CallbackURLs',
      'LogoutURLs',
      'DefaultRedirectURI',
    ]) {
      expect(client, setting).not.toHaveProperty(setting);
    }
  });

  it.each(GROUP_NAMES)('has the %s group with its precedence and its own role', (group) => {
    synthesized.template.hasResourceProperties('AWS::Cognito::UserPoolGroup', {
      UserPoolId: { Ref: ids.userPool },
      GroupName: GROUPS[group].name,
      Precedence: GROUPS[group].precedence,
      RoleArn: { 'Fn::GetAtt': [ids.groupRoles[group], 'Arn'] },
    });
    expect(props(ids.groupRoles[group]!).RoleName).toBe(GROUPS[group].roleName);
  });
});

describe('the identity pool', () => {
  it('trusts only the user pool and its SPA client, with no guest identities and no classic flow', () => {
    expect(props(ids.identityPool)).toEqual({
      AllowUnauthenticatedIdentities: false,
      AllowClassicFlow: false,
      CognitoIdentityProviders: [
        {
          ClientId: { Ref: ids.client },
          ProviderName: {
            'Fn::Join': [
              '',
              [
                `cognito-idp.${TEST_REGION}.`,
                { Ref: 'AWS::URLSuffix' },
                '/',
                { Ref: ids.userPool },
              ],
            ],
          },
          ServerSideTokenCheck: true,
        },
      ],
    });
  });

  it('maps roles from the token and denies a token without a clear role', () => {
    const [, attachment] = onlyResourceOfType(
      resources(),
      'AWS::Cognito::IdentityPoolRoleAttachment',
    );
    expect(attachment!.Properties).toMatchObject({
      IdentityPoolId: { Ref: ids.identityPool },
      RoleMappings: {
        userPool: {
          Type: 'Token',
          AmbiguousRoleResolution: 'Deny',
          IdentityProvider: {
            'Fn::Join': [
              '',
              [{ 'Fn::GetAtt': [ids.userPool, 'ProviderName'] }, ':', { Ref: ids.client }],
            ],
          },
        },
      },
    });
  });

  it.each(GROUP_NAMES)('lets only its authenticated identities assume the %s role', (group) => {
    expect(props(ids.groupRoles[group]!).AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'sts:AssumeRoleWithWebIdentity',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Condition: {
            StringEquals: { 'cognito-identity.amazonaws.com:aud': { Ref: ids.identityPool } },
            'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
          },
        },
      ],
    });
  });
});

describe('the admin API', () => {
  const methods = () => restApiMethods(resources(), ids.adminApi);
  const routeMethods = () => methods().filter((m) => m.method !== 'OPTIONS');

  it('is a regional REST API', () => {
    expect(props(ids.adminApi).EndpointConfiguration).toEqual({ Types: ['REGIONAL'] });
  });

  it('has exactly the contract’s admin routes, each requiring AWS_IAM', () => {
    const declared = routesOf('admin').map(([, r]) => `${r.method} ${r.path}`);
    expect(
      routeMethods()
        .map((m) => `${m.method} ${m.path}`)
        .sort(),
    ).toEqual(declared.sort());
    for (const method of routeMethods()) {
      expect(method.properties.AuthorizationType, `${method.method} ${method.path}`).toBe(
        'AWS_IAM',
      );
    }
  });

  it('invokes the admin function as a Lambda proxy, never with the caller’s credentials', () => {
    for (const { properties } of routeMethods()) {
      const integration = properties.Integration as Record<string, unknown>;
      expect(integration.Type).toBe('AWS_PROXY');
      expect(integration).not.toHaveProperty('Credentials');
      expect(JSON.stringify(integration.Uri)).toContain(ids.functions.admin);
    }
  });

  it('lets API Gateway invoke the function on exactly each route’s ARN', () => {
    const sourceArns = resourcesOfType(resources(), 'AWS::Lambda::Permission')
      .filter(([, p]) => JSON.stringify(p.Properties!.FunctionName).includes(ids.functions.admin))
      .map(([, p]) => {
        expect(p.Properties!.Principal).toBe('apigateway.amazonaws.com');
        return JSON.stringify(p.Properties!.SourceArn);
      });
    const api = synthesized.stack.adminApi.api;
    const expected = routesOf('admin').map(([, r]) =>
      JSON.stringify(synthesized.stack.resolve(routeArn(r, api.deploymentStage.stageName))),
    );
    expect(sourceArns.sort()).toEqual(expected.sort());
  });

  it('answers preflights without authorisation, only where routes are, for the site only', () => {
    const preflights = methods().filter((m) => m.method === 'OPTIONS');
    const paths = [...new Set(routesOf('admin').map(([, r]) => r.path))];
    expect(preflights.map((m) => m.path).sort()).toEqual(paths.sort());
    for (const preflight of preflights) {
      expect(preflight.properties.AuthorizationType).toBe('NONE');
      const integration = preflight.properties.Integration as {
        Type: string;
        IntegrationResponses: Array<{ ResponseParameters: Record<string, unknown> }>;
      };
      expect(integration.Type).toBe('MOCK');
      const headers = integration.IntegrationResponses[0]!.ResponseParameters;
      const methodsHere = routesOf('admin')
        .filter(([, r]) => r.path === preflight.path)
        .map(([, r]) => r.method);
      expect(headers).toEqual({
        'method.response.header.Access-Control-Allow-Origin': {
          'Fn::Join': ['', ["'https://", { 'Fn::GetAtt': [ids.distribution, 'DomainName'] }, "'"]],
        },
        'method.response.header.Vary': "'Origin'",
        'method.response.header.Access-Control-Allow-Credentials': "'true'",
        'method.response.header.Access-Control-Allow-Headers': `'${CORS_ALLOWED_HEADERS.join(',')}'`,
        'method.response.header.Access-Control-Allow-Methods': `'${['OPTIONS', ...methodsHere].join(',')}'`,
        'method.response.header.Access-Control-Max-Age': `'${CORS_MAX_AGE_SECONDS}'`,
      });
    }
  });

  it.each(['DEFAULT_4XX', 'DEFAULT_5XX'])(
    'gives its %s answers the CORS headers, so the SPA can read a refusal',
    (type) => {
      synthesized.template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
        RestApiId: { Ref: ids.adminApi },
        ResponseType: type,
        ResponseParameters: {
          'gatewayresponse.header.Access-Control-Allow-Origin': quoted({
            'Fn::GetAtt': [ids.distribution, 'DomainName'],
          }),
          'gatewayresponse.header.Access-Control-Allow-Credentials': "'true'",
          'gatewayresponse.header.Access-Control-Expose-Headers': `'${CORS_EXPOSED_HEADERS.join(', ')}'`,
          'gatewayresponse.header.Vary': "'Origin'",
        },
      });
    },
  );

  it('never allows any origin (*)', () => {
    const adminResources = Object.values(resources()).filter((r) =>
      JSON.stringify(r.Properties ?? {}).includes(`"Ref":"${ids.adminApi}"`),
    );
    expect(adminResources.length).toBeGreaterThan(routesOf('admin').length);
    for (const resource of adminResources) {
      expect(JSON.stringify(resource.Properties)).not.toMatch(/Allow-Origin[^,]*"'\*'"/);
    }
  });

  it('tells the admin function the site’s origin, its only CORS origin', () => {
    const environment = functionEnvironment('admin');
    expect(environment.ALLOWED_ORIGINS).toEqual(siteOrigin());
  });

  it('logs every request (no headers) and errors only, and is throttled', () => {
    const [, stage] = onlyResourceOfType(
      resources(),
      'AWS::ApiGateway::Stage',
      (s) => (s.Properties!.RestApiId as { Ref: string }).Ref === ids.adminApi,
    );
    expect(stage!.Properties).toMatchObject({
      StageName: TEST_STAGE,
      AccessLogSetting: {
        DestinationArn: expect.anything(),
        Format: expect.stringContaining('"ip":"$context.identity.sourceIp"'),
      },
      MethodSettings: [
        {
          HttpMethod: '*',
          ResourcePath: '/*',
          LoggingLevel: 'ERROR',
          DataTraceEnabled: false,
          ThrottlingRateLimit: 50,
          ThrottlingBurstLimit: 100,
        },
      ],
    });
    expect(JSON.stringify(stage!.Properties!.AccessLogSetting)).not.toMatch(
      /header|Authorization/i,
    );
  });
});

describe('the group roles', () => {
  const inlineStatements = (roleId: string) =>
    ((props(roleId).Policies as Array<{ PolicyDocument: { Statement: unknown[] } }>) ?? []).flatMap(
      (policy) => policy.PolicyDocument.Statement,
    );

  it.each(GROUP_NAMES)(
    'let %s invoke exactly arnForExecuteApi(method, path, stage) of its routes',
    (group) => {
      const routes = routesOf('admin').filter(([, r]) => r.groups.includes(group));
      const expected = routes.map(([, r]) => synthesized.stack.resolve(routeArn(r, TEST_STAGE)));
      const statements = inlineStatements(ids.groupRoles[group]!) as Array<{ Resource: unknown[] }>;
      if (!routes.length) return expect(statements).toEqual([]);
      expect(statements).toEqual([
        { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: expect.any(Array) },
      ]);
      expect(sortedJson(statements[0]!.Resource)).toEqual(sortedJson(expected));
    },
  );

  it('have no other policies, and nothing lets them invoke a Lambda function', () => {
    for (const roleId of Object.values(ids.groupRoles)) {
      expect(props(roleId)).not.toHaveProperty('ManagedPolicyArns');
      const attached = resourcesOfType(resources(), 'AWS::IAM::Policy').filter(([, p]) =>
        JSON.stringify(p.Properties!.Roles ?? []).includes(roleId),
      );
      expect(attached).toEqual([]);
      expect(JSON.stringify(props(roleId))).not.toContain('lambda:');
    }
  });
});

describe('the general API', () => {
  it('has exactly the contract’s general routes, each behind the user pool authorizer', () => {
    const methods = restApiMethods(resources(), ids.generalApi);
    expect(methods.map((m) => `${m.method} ${m.path}`).sort()).toEqual(
      routesOf('general')
        .map(([, r]) => `${r.method} ${r.path}`)
        .sort(),
    );
    const [authorizerId, authorizer] = onlyResourceOfType(
      resources(),
      'AWS::ApiGateway::Authorizer',
    );
    expect(authorizer!.Properties).toMatchObject({
      Type: 'COGNITO_USER_POOLS',
      IdentitySource: 'method.request.header.Authorization',
      ProviderARNs: [{ 'Fn::GetAtt': [ids.userPool, 'Arn'] }],
      RestApiId: { Ref: ids.generalApi },
    });
    for (const method of methods) {
      expect(method.properties).toMatchObject({
        AuthorizationType: 'COGNITO_USER_POOLS',
        AuthorizerId: { Ref: authorizerId },
        Integration: { Type: 'AWS_PROXY' },
      });
      expect(method.properties.Integration).not.toHaveProperty('Credentials');
    }
  });
});

describe('the ops API', () => {
  it('routes the contract’s ops routes through the Lambda authorizer', () => {
    const routes = resourcesOfType(resources(), 'AWS::ApiGatewayV2::Route');
    expect(routes.map(([, r]) => r.Properties!.RouteKey).sort()).toEqual(
      routesOf('ops')
        .map(([, r]) => `${r.method} ${r.path}`)
        .sort(),
    );
    const [authorizerId, authorizer] = onlyResourceOfType(
      resources(),
      'AWS::ApiGatewayV2::Authorizer',
    );
    for (const [, route] of routes) {
      expect(route.Properties).toMatchObject({
        AuthorizationType: 'CUSTOM',
        AuthorizerId: { Ref: authorizerId },
      });
    }
    expect(authorizer!.Properties).toMatchObject({
      ApiId: { Ref: ids.opsApi },
      AuthorizerType: 'REQUEST',
      EnableSimpleResponses: true,
      AuthorizerPayloadFormatVersion: '2.0',
      IdentitySource: ['$request.header.Authorization'],
      AuthorizerResultTtlInSeconds: 0,
    });
    expect(JSON.stringify(authorizer!.Properties!.AuthorizerUri)).toContain(
      ids.functions['ops-authorizer'],
    );
  });

  it('reads its token from a generated secret and its CIDRs from a parameter', () => {
    const environment = functionEnvironment('ops-authorizer');
    expect(environment.OPS_TOKEN_SECRET_ID).toEqual({ Ref: ids.opsToken });
    expect(environment.OPS_ALLOWED_CIDRS).toEqual({ Ref: 'OpsAllowedCidrs' });
    expect(synthesized.template.toJSON().Parameters.OpsAllowedCidrs).toMatchObject({
      Type: 'String',
      Default: NOBODY_CIDR,
    });
    // No template: the secret's value is the bare token the authorizer compares.
    expect(props(ids.opsToken).GenerateSecretString).toEqual({
      PasswordLength: 48,
      ExcludePunctuation: true,
    });
  });

  it('logs each call without its Authorization header', () => {
    const [, stage] = onlyResourceOfType(resources(), 'AWS::ApiGatewayV2::Stage');
    expect(stage!.Properties).toMatchObject({ StageName: '$default', AutoDeploy: true });
    const format = String((stage!.Properties!.AccessLogSettings as { Format: string }).Format);
    expect(format).toContain('$context.identity.sourceIp');
    expect(format).not.toMatch(/header|authorization/i);
  });
});

describe('the tables', () => {
  it.each(Object.keys(TABLES) as TableName[])(
    '%s has its key schema, on-demand billing, encryption and point-in-time recovery',
    (name) => {
      const definition: { partitionKey: string; sortKey?: string } = TABLES[name];
      expect(props(ids.tables[name])).toMatchObject({
        KeySchema: [
          { AttributeName: definition.partitionKey, KeyType: 'HASH' },
          ...(definition.sortKey ? [{ AttributeName: definition.sortKey, KeyType: 'RANGE' }] : []),
        ],
        BillingMode: 'PAY_PER_REQUEST',
        SSESpecification: { SSEEnabled: true },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      });
    },
  );
});

describe('the handlers', () => {
  it.each(HANDLER_NAMES)('%s runs on Node.js 22 with a log group that expires', (name) => {
    const fn = props(ids.functions[name]);
    expect(fn.Runtime).toBe('nodejs22.x');
    expect(props(logGroupIdOf(name)).RetentionInDays).toBeGreaterThan(0);
  });

  it.each(HANDLER_NAMES)('%s is told the site’s origin exactly when its API has CORS', (name) => {
    expect('ALLOWED_ORIGINS' in functionEnvironment(name)).toBe(needsSiteOrigin(name));
  });

  it.each(HANDLER_NAMES)(
    '%s is told of exactly the tables it may use, by their TABLES variables',
    (name) => {
      const environment = functionEnvironment(name);
      const granted = tablesOf(FUNCTION_ACCESS[name]);
      const tableVariables = Object.fromEntries(
        Object.entries(environment).filter(([key]) => key.endsWith('_TABLE')),
      );
      expect(tableVariables).toEqual(
        Object.fromEntries(granted.map((t) => [TABLES[t].env, { Ref: ids.tables[t] }])),
      );
    },
  );

  it.each(HANDLER_NAMES)(
    '%s may do exactly what its stores declare, on their resources, and write its own log group',
    (name) => {
      const json = JSON.stringify;
      const expected = accessPolicy(FUNCTION_ACCESS[name], {
        table: (table) => json({ 'Fn::GetAtt': [ids.tables[table], 'Arn'] }),
        userPool: json({ 'Fn::GetAtt': [ids.userPool, 'Arn'] }),
        opsTokenSecret: json({ Ref: ids.opsToken }),
      });
      const pairs = (statements: Statement[]) =>
        statements
          .flatMap((s) =>
            [s.Action].flat().flatMap((action) =>
              [s.Resource].flat().map((resource) => {
                const text = typeof resource === 'string' ? resource : json(resource);
                return `${action} on ${text}`;
              }),
            ),
          )
          .sort();
      const [logs, granted] = partition(roleStatements(name), (s) =>
        [s.Action].flat().every((a) => a.startsWith('logs:')),
      );
      expect(pairs(granted)).toEqual(pairs(expected.Statement));
      for (const statement of logs) {
        expect(json(statement.Resource)).toBe(json({ 'Fn::GetAtt': [logGroupIdOf(name), 'Arn'] }));
      }
      expect(props(roleIdOf(name))).not.toHaveProperty('ManagedPolicyArns');
    },
  );

  it('are bundled with esbuild into single files', () => {
    const fn = props(ids.functions.admin);
    const assetHash = ((fn.Code as { S3Key: string }).S3Key as string).replace(/\.zip$/, '');
    const bundle = join(synthesized.assemblyDir, `asset.${assetHash}`, 'index.js');
    expect(existsSync(bundle)).toBe(true);
    expect(readFileSync(bundle, 'utf8')).toContain('ALLOWED_ORIGINS');
    expect(props(ids.functions.admin).Handler).toBe('index.handler');
  });
});

describe('the site', () => {
  it('keeps the bucket private, encrypted, TLS-only and logged', () => {
    expect(props(ids.siteBucket)).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
        ],
      },
      LoggingConfiguration: { DestinationBucketName: { Ref: ids.logBucket } },
    });
    synthesized.template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: ids.siteBucket },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
          }),
        ]),
      },
    });
  });

  it('serves the bucket through CloudFront with origin access control', () => {
    const [oacId, oac] = onlyResourceOfType(resources(), 'AWS::CloudFront::OriginAccessControl');
    expect(oac!.Properties).toMatchObject({
      OriginAccessControlConfig: {
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      },
    });
    const origins = distributionConfig().Origins as Array<Record<string, unknown>>;
    expect(origins).toContainEqual(
      expect.objectContaining({
        DomainName: { 'Fn::GetAtt': [ids.siteBucket, 'RegionalDomainName'] },
        OriginAccessControlId: { 'Fn::GetAtt': [oacId, 'Id'] },
        S3OriginConfig: { OriginAccessIdentity: '' },
      }),
    );
  });

  it('falls back to index.html for screens with a viewer-request function, not error pages', () => {
    const config = distributionConfig();
    expect(config).not.toHaveProperty('CustomErrorResponses');
    expect(config.DefaultRootObject).toBe('index.html');
    const [functionId, fn] = onlyResourceOfType(resources(), 'AWS::CloudFront::Function');
    expect(fn!.Properties).toMatchObject({
      FunctionCode: SPA_FALLBACK_CODE,
      FunctionConfig: { Runtime: 'cloudfront-js-2.0' },
    });
    expect(config.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      CachePolicyId: CachePolicy.CACHING_OPTIMIZED.cachePolicyId,
      ResponseHeadersPolicyId: { Ref: ids.headersPolicy },
      FunctionAssociations: [
        { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [functionId, 'FunctionARN'] } },
      ],
    });
  });

  it('passes /api/* to the general API’s stage uncached, with every viewer header but Host', () => {
    const config = distributionConfig();
    const behaviors = config.CacheBehaviors as Array<Record<string, unknown>>;
    expect(behaviors).toHaveLength(1);
    const api = behaviors[0]!;
    expect(api).toMatchObject({
      PathPattern: '/api/*',
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
      OriginRequestPolicyId:
        OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
      ViewerProtocolPolicy: 'https-only',
    });
    const origin = (config.Origins as Array<Record<string, unknown>>).find(
      (o) => o.Id === api.TargetOriginId,
    );
    expect(origin).toEqual({
      Id: api.TargetOriginId,
      DomainName: {
        'Fn::Join': [
          '',
          [{ Ref: ids.generalApi }, `.execute-api.${TEST_REGION}.`, { Ref: 'AWS::URLSuffix' }],
        ],
      },
      // The routes already start with /api, so only the stage is prepended.
      OriginPath: `/${TEST_STAGE}`,
      CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
    });
    for (const [, route] of routesOf('general')) expect(route.path.startsWith('/api/')).toBe(true);
  });

  it('sends the contract’s security headers with a strict CSP', () => {
    const policy = props(ids.headersPolicy).ResponseHeadersPolicyConfig as Record<
      string,
      Record<string, unknown>
    >;
    const security = policy.SecurityHeadersConfig!;
    expect(security).toMatchObject({
      StrictTransportSecurity: {
        AccessControlMaxAgeSec: SECURITY_HEADERS.strictTransportSecurity.maxAgeSeconds,
        IncludeSubdomains: true,
        Override: true,
      },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: SECURITY_HEADERS.frameOptions, Override: true },
      ReferrerPolicy: { ReferrerPolicy: SECURITY_HEADERS.referrerPolicy, Override: true },
    });
    const csp = JSON.stringify(
      (security.ContentSecurityPolicy as { ContentSecurityPolicy: unknown }).ContentSecurityPolicy,
    );
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain(`https://cognito-idp.${TEST_REGION}.`);
    expect(csp).toContain(`https://cognito-identity.${TEST_REGION}.`);
    expect(csp).toContain(`{"Ref":"${ids.adminApi}"},".execute-api.${TEST_REGION}.`);
    expect(policy.CustomHeadersConfig).toEqual({
      Items: Object.entries(SECURITY_HEADERS.custom).map(([Header, Value]) => ({
        Header,
        Value,
        Override: true,
      })),
    });
  });

  it('deploys the build, hashed assets cached for a year and the entry files revalidated', () => {
    const deployments = resourcesOfType(resources(), 'Custom::CDKBucketDeployment');
    const assets = deployments.find(
      ([, d]) => d.Properties!.DestinationBucketKeyPrefix === 'assets/',
    );
    const entry = deployments.find(([, d]) => d.Properties!.DistributionPaths);
    expect(assets![1].Properties).toMatchObject({
      Prune: false,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    expect(entry![1].Properties).toMatchObject({
      Prune: true,
      Exclude: ['assets/*'],
      SystemMetadata: { 'cache-control': 'no-cache' },
      DistributionId: { Ref: ids.distribution },
      DistributionPaths: ['/*'],
    });
    expect(entry![1].DependsOn).toContain(assets![0]);
    const [build, config] = stagedSources(entry![1]);
    expect(build!.sort()).toEqual(['favicon.svg', 'index.html']);
    expect(config).toEqual(['config.json']);
    expect(stagedSources(assets![1])).toEqual([['index-abc123.js']]);
  });

  it('writes config.json from the stack’s own resources, in the contract’s shape', () => {
    const entry = resourcesOfType(resources(), 'Custom::CDKBucketDeployment').find(
      ([, d]) => d.Properties!.DistributionPaths,
    )![1];
    const [key] = (entry.Properties!.SourceObjectKeys as string[]).slice(-1);
    const markers = (entry.Properties!.SourceMarkers as Array<Record<string, unknown>>).at(-1)!;
    const fake = fakeResourceValues(synthesized.stack);
    let text = readFileSync(
      join(synthesized.assemblyDir, `asset.${key!.replace(/\.zip$/, '')}`, 'config.json'),
      'utf8',
    );
    for (const [marker, value] of Object.entries(markers)) {
      text = text.replaceAll(marker, resolveIntrinsics(value, fake));
    }
    const config = parseRuntimeConfig(JSON.parse(text));
    const outputs = synthesized.template.toJSON().Outputs;
    expect(config).toEqual({
      region: TEST_REGION,
      userPoolId: fake.refs[ids.userPool],
      userPoolClientId: fake.refs[ids.client],
      identityPoolId: fake.refs[ids.identityPool],
      adminApiUrl: resolveIntrinsics(outputs.AdminApiUrl.Value, fake),
      generalApiUrl: '/api',
      opsApiUrl: resolveIntrinsics(outputs.OpsApiUrl.Value, fake),
    });
    expect(config.adminApiUrl).toBe(
      `https://${fake.refs[ids.adminApi]}.execute-api.${TEST_REGION}.amazonaws.com/${TEST_STAGE}`,
    );
  });
});

describe('the stack', () => {
  it('outputs the site URL and the admin API’s execute-api URL', () => {
    const outputs = synthesized.template.toJSON().Outputs;
    expect(outputs.SiteUrl.Value).toEqual(siteOrigin());
    expect(outputs.AdminApiUrl.Value).toEqual({
      'Fn::Join': [
        '',
        [
          'https://',
          { Ref: ids.adminApi },
          `.execute-api.${TEST_REGION}.`,
          { Ref: 'AWS::URLSuffix' },
          `/${TEST_STAGE}`,
        ],
      ],
    });
  });
});

/** CDK's own `arnForExecuteApi` for a route, each `{param}` as `*` (as API Gateway matches it). */
function routeArn(route: { method: string; path: string }, stageName: string): string {
  return synthesized.stack.adminApi.api.arnForExecuteApi(
    route.method,
    route.path.replace(/\{\w+\}/g, '*'),
    stageName,
  );
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}

const sortedJson = (values: unknown[]) => values.map((v) => JSON.stringify(v)).sort();

function distributionConfig(): Record<string, unknown> {
  return props(ids.distribution).DistributionConfig as Record<string, unknown>;
}

function functionEnvironment(name: HandlerName): Record<string, unknown> {
  return (props(ids.functions[name]).Environment as { Variables: Record<string, unknown> })
    .Variables;
}

function logGroupIdOf(name: HandlerName): string {
  return (props(ids.functions[name]).LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
}

function roleIdOf(name: HandlerName): string {
  return (props(ids.functions[name]).Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
}

interface Statement {
  Action: string | string[];
  Resource: unknown;
}

function roleStatements(name: HandlerName): Statement[] {
  const roleId = roleIdOf(name);
  return resourcesOfType(resources(), 'AWS::IAM::Policy')
    .filter(([, p]) => JSON.stringify(p.Properties!.Roles).includes(`"${roleId}"`))
    .flatMap(([, p]) => (p.Properties!.PolicyDocument as { Statement: Statement[] }).Statement);
}

/** The files each source of a BucketDeployment stages, found by their asset keys. */
function stagedSources(deployment: CfnResourceJson): string[][] {
  return (deployment.Properties!.SourceObjectKeys as string[]).map((key) =>
    readdirSync(join(synthesized.assemblyDir, `asset.${key.replace(/\.zip$/, '')}`)),
  );
}

function mapValues<K extends string, V, R>(record: Readonly<Record<K, V>>, fn: (value: V) => R) {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, fn(value as V)]),
  ) as Record<K, R>;
}
