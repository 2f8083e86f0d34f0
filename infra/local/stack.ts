import type { Server } from 'node:http';
import { join } from 'node:path';
import type { ApiStage, RuntimeConfig } from '@contract';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from './aws/identifiers';
import { createDynalite, dynaliteSocket, ensureTables, localTableNames } from './dynamodb/dynalite';
import { createEdgeServer } from './edge/server';
import { apiIdsSchema, loadApiIds, type ApiIds } from './gateway/api-ids';
import { CognitoAuthorizer } from './gateway/cognito-authorizer';
import { createHttpApiServer } from './gateway/http-api-server';
import { IamAuthorizer } from './gateway/iam-authorizer';
import { ApiResourcePolicy } from './gateway/resource-policy';
import { createRestApiServer } from './gateway/rest-api-server';
import { startFunctions, type LocalFunctions } from './lambda/functions';
import { SecretStore, secretStoreSchema } from './secrets-manager/model';
import { secretsManagerService } from './secrets-manager/responses';
import { adminApiResourcePolicy, GROUP_NAMES, groupRolePolicy, roleArn } from '@contract';
import { createDynamoDbFront, type StoreEndpoint } from './dynamodb/iam-front';
import { ADMINISTRATOR_ACCESS, LocalAccount } from './iam/account';
import { CredentialStore, credentialStoreSchema, type IssuedCredentials } from './iam/credentials';
import { operatorUserArn, writeOperatorProfile } from './iam/operator';
import { ServiceRequestAuth } from './iam/service-auth';
import {
  attachFunctionPolicies,
  FUNCTION_CREDENTIAL_SECONDS,
  functionRoleArn,
} from './lambda/function-roles';
import { IdentityPool, identityPoolStateSchema } from './identity-pool/model';
import { identityPoolService } from './identity-pool/responses';
import { close, listen, listenOnSocket } from './net';
import type { LocalSettings } from './settings';
import { StateFile } from './store/state-file';
import { AuthFlows } from './user-pool/auth-flows';
import { UserPool, type UserPoolDefinition } from './user-pool/model';
import { Outbox } from './user-pool/outbox';
import { RequestQuotas } from './user-pool/request-quotas';
import { userPoolService } from './user-pool/responses';
import { userPoolStateSchema } from './user-pool/state';

/** REST API stages are served at `/{stage}`, as on `execute-api`. */
export const LOCAL_STAGE = 'local';
export const OPS_TOKEN_SECRET_NAME = 'console/ops-token';

export interface LocalStack {
  settings: LocalSettings;
  edgeUrl: string;
  /** Where each API's routes start (REST: including the stage). */
  apiUrls: { admin: string; general: string; ops: string };
  apiIds: ApiIds;
  adminStage: ApiStage;
  /** The exact origins the APIs' CORS allows: the SPA's. */
  allowedOrigins: string[];
  secrets: SecretStore;
  dynamoDbUrl: string;
  /**
   * dynalite's own Unix socket, behind the verifying front, in the private state directory:
   * for benchmarks' unverified baseline only.
   */
  dynaliteSocketPath: string;
  userPool: UserPool;
  /**
   * The user pool's request-rate quotas (Cognito's categories, at its defaults unless the
   * settings say else), as `/_local/quotas` sets them.
   */
  userPoolQuotas: RequestQuotas;
  identityPool: IdentityPool;
  credentials: CredentialStore;
  /** Every identity policy of the local account, by role or user. */
  account: LocalAccount;
  /** The admin API's resource policy, as the CDK app attaches it. */
  adminResourcePolicy: ApiResourcePolicy;
  /**
   * The running Lambda functions the APIs invoke (closed with the stack), so a benchmark can
   * put a gateway of its own in front of the same function.
   */
  functions: Omit<LocalFunctions, 'close'>;
  /** The account administrator's long-term key (also in `aws-credentials` in the state dir). */
  operator: IssuedCredentials;
  /** The AWS CLI/SDK files naming the operator's profile and the local endpoints. */
  operatorFiles: { credentialsFile: string; configFile: string };
  outbox: Outbox;
  /** The `/config.json` an SPA served on this stack loads. */
  runtimeConfig: RuntimeConfig;
  close(): Promise<void>;
}

/** Starts the local AWS services on their ports, with state under `settings.stateDir`. */
export interface StackOptions {
  /**
   * Tests only: what the DynamoDB front forwards to instead of dynalite itself, given
   * dynalite's socket (a fault-injecting proxy, `testing/store-gate.ts`), so the functions'
   * calls are still verified while the store fails under them.
   */
  storeUpstream?: (dynaliteSocketPath: string) => Promise<StoreEndpoint>;
  /**
   * Roles of the local account the admin API's resource policy names besides the group roles,
   * as a deployer names them with `-c adminApiAutomationRoles=…`. The stack gives them no
   * policy or credentials (it has no IAM or STS API): whoever names one attaches its identity
   * policy to `account` and has `credentials` issue its sessions, as STS would.
   */
  adminApiAutomationRoles?: readonly string[];
  /**
   * Tests only: a user pool built from other settings than the deployed ones (MFA `ON`, TOTP
   * off), to pin what the pool enforces under them through the real edge.
   */
  userPoolDefinition?: UserPoolDefinition;
}

export async function startLocalStack(
  settings: LocalSettings,
  now: () => number = Date.now,
  options: StackOptions = {},
): Promise<LocalStack> {
  const url = (port: number) => `http://${settings.host}:${port}`;
  const edgeUrl = url(settings.ports.edge);
  const file = <T>(name: string, schema: ConstructorParameters<typeof StateFile<T>>[1]) =>
    new StateFile<T>(join(settings.stateDir, name), schema);

  const outbox = new Outbox(file('outbox.json', Outbox.schema), now);
  const userPool = await UserPool.open({
    file: file('user-pool.json', userPoolStateSchema),
    outbox,
    edgeUrl,
    region: LOCAL_REGION,
    accountId: LOCAL_ACCOUNT_ID,
    now,
    definition: options.userPoolDefinition,
  });
  const userPoolQuotas = new RequestQuotas({ now, rates: settings.userPoolQuotas });
  const credentials = new CredentialStore(file('credentials.json', credentialStoreSchema), now);
  const identityPool = IdentityPool.open({
    file: file('identity-pool.json', identityPoolStateSchema),
    credentials,
    providers: [
      {
        providerName: `cognito-idp.${LOCAL_REGION}.amazonaws.com/${userPool.id}`,
        issuer: userPool.issuer,
        clientId: userPool.clientId,
        jwks: userPool.jwks,
      },
    ],
    region: LOCAL_REGION,
    credentialLifetimeSeconds: settings.credentialLifetimeSeconds,
    now,
  });
  for (const seed of settings.seedUsers)
    userPool.ensureSeedUser(seed.email, seed.password, seed.groups);
  const secrets = new SecretStore(file('secrets.json', secretStoreSchema), {
    region: LOCAL_REGION,
    accountId: LOCAL_ACCOUNT_ID,
    now,
  });
  secrets.ensure(OPS_TOKEN_SECRET_NAME, settings.opsToken);
  const apiIds = loadApiIds(file('api-gateway.json', apiIdsSchema));
  const stageOf = (apiId: string, stage = LOCAL_STAGE): ApiStage => ({
    region: LOCAL_REGION,
    accountId: LOCAL_ACCOUNT_ID,
    apiId,
    stage,
  });
  const adminStage = stageOf(apiIds.adminApiId);
  const tableNames = localTableNames();

  // The local account: who may do what, from the same definitions the CDK app deploys.
  const account = new LocalAccount();
  for (const group of GROUP_NAMES) {
    account.attach(roleArn(LOCAL_ACCOUNT_ID, group), groupRolePolicy(group, adminStage));
  }
  attachFunctionPolicies(account, LOCAL_ACCOUNT_ID, {
    table: (table) =>
      `arn:aws:dynamodb:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:table/${tableNames[table]}`,
    userPool: `arn:aws:cognito-idp:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:userpool/${userPool.id}`,
    opsTokenSecret: secrets.arnFor(OPS_TOKEN_SECRET_NAME),
  });
  // Only the console's roles may invoke the admin API: the resource policy the CDK app attaches.
  const adminResourcePolicy = new ApiResourcePolicy(
    adminApiResourcePolicy({
      accountId: LOCAL_ACCOUNT_ID,
      automationRoleArns: options.adminApiAutomationRoles,
    }),
    adminStage,
  );
  const operatorArn = operatorUserArn(LOCAL_ACCOUNT_ID);
  account.attach(operatorArn, ADMINISTRATOR_ACCESS);
  const operator = credentials.ensureUserKey(operatorArn);
  const operatorFiles = writeOperatorProfile(settings.stateDir, operator, LOCAL_REGION, {
    edge: edgeUrl,
    dynamoDb: url(settings.ports.dynamoDb),
  });
  const auth = new ServiceRequestAuth({
    region: LOCAL_REGION,
    now,
    findCredentials: (key) => credentials.find(key),
    account,
  });
  const spaOrigin = url(settings.ports.spa);
  const allowedOrigins = [
    spaOrigin,
    ...(settings.host === '127.0.0.1' ? [`http://localhost:${settings.ports.spa}`] : []),
  ];

  const servers: Server[] = [];
  const socket = dynaliteSocket(settings.stateDir);
  let fns: LocalFunctions | undefined;
  const stopAll = async () => {
    await Promise.all(servers.map(close));
    await fns?.close();
    socket.dispose();
  };
  try {
    const edge = createEdgeServer({
      services: [
        userPoolService(userPool, new AuthFlows(userPool), userPoolQuotas),
        identityPoolService(identityPool),
        secretsManagerService(secrets),
      ],
      userPool,
      userPoolQuotas,
      identityPool,
      credentials,
      outbox,
      auth,
      now,
    });
    await listen(edge, 'edge', settings.ports.edge, settings.host);
    servers.push(edge);

    // dynalite on its private socket, reached only through the verifying front.
    const dynalite = createDynalite(join(settings.stateDir, 'dynamodb'));
    await listenOnSocket(dynalite, socket.path);
    servers.push(dynalite);
    const dynamo = createDynamoDbFront({
      upstream: (await options.storeUpstream?.(socket.path)) ?? { socketPath: socket.path },
      region: LOCAL_REGION,
      accountId: LOCAL_ACCOUNT_ID,
      auth,
      now,
    });
    await listen(dynamo, 'dynamoDb', settings.ports.dynamoDb, settings.host);
    servers.push(dynamo);
    await ensureTables(url(settings.ports.dynamoDb), LOCAL_REGION, operator);

    fns = await startFunctions({
      region: LOCAL_REGION,
      userPoolId: userPool.id,
      tableNames,
      allowedOrigins,
      opsTokenSecretId: secrets.arnFor(OPS_TOKEN_SECRET_NAME),
      opsAllowedCidrs: settings.opsAllowedCidrs,
      endpoints: {
        dynamoDb: url(settings.ports.dynamoDb),
        cognitoIdentityProvider: edgeUrl,
        secretsManager: edgeUrl,
      },
      roleCredentials: (name) =>
        credentials.issue({
          roleArn: functionRoleArn(LOCAL_ACCOUNT_ID, name),
          sessionName: name,
          lifetimeSeconds: FUNCTION_CREDENTIAL_SECONDS,
        }),
      now,
    });

    const adminApi = createRestApiServer({
      api: 'admin',
      stage: adminStage,
      authorizer: {
        type: 'AWS_IAM',
        iam: new IamAuthorizer({
          stage: adminStage,
          now,
          findCredentials: (key) => credentials.find(key),
          policiesOf: (arn) => account.policiesOf(arn),
          resourcePolicy: adminResourcePolicy,
        }),
      },
      resourcePolicy: adminResourcePolicy,
      function: fns.admin,
      allowedOrigins,
      now,
    });
    const generalApi = createRestApiServer({
      api: 'general',
      stage: stageOf(apiIds.generalApiId),
      authorizer: {
        type: 'COGNITO_USER_POOLS',
        cognito: new CognitoAuthorizer({
          issuer: userPool.issuer,
          jwks: userPool.jwks,
          now,
        }),
      },
      function: fns.general,
      allowedOrigins,
      now,
    });
    const opsApi = createHttpApiServer({
      api: 'ops',
      stage: stageOf(apiIds.opsApiId, '$default'),
      authorizer: fns.opsAuthorizer,
      function: fns.ops,
      now,
    });
    for (const [server, name] of [
      [adminApi, 'adminApi'],
      [generalApi, 'generalApi'],
      [opsApi, 'opsApi'],
    ] as const) {
      await listen(server, name, settings.ports[name], settings.host);
      servers.push(server);
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  const apiUrls = {
    admin: `${url(settings.ports.adminApi)}/${LOCAL_STAGE}`,
    general: `${url(settings.ports.generalApi)}/${LOCAL_STAGE}`,
    ops: url(settings.ports.opsApi),
  };

  return {
    settings,
    edgeUrl,
    apiUrls,
    apiIds,
    adminStage,
    allowedOrigins,
    secrets,
    dynamoDbUrl: url(settings.ports.dynamoDb),
    dynaliteSocketPath: socket.path,
    userPool,
    userPoolQuotas,
    identityPool,
    credentials,
    account,
    adminResourcePolicy,
    functions: fns,
    operator,
    operatorFiles,
    outbox,
    runtimeConfig: {
      region: LOCAL_REGION,
      userPoolId: userPool.id,
      userPoolClientId: userPool.clientId,
      identityPoolId: identityPool.id,
      userPoolEndpoint: edgeUrl,
      identityPoolEndpoint: edgeUrl,
      adminApiUrl: apiUrls.admin,
      generalApiUrl: '/api',
      opsApiUrl: apiUrls.ops,
    },
    close: stopAll,
  };
}
