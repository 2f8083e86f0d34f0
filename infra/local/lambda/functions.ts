import { TABLES } from '../../functions/shared/tables';
import { bundleFunction } from './bundle';
import { LocalFunction } from './local-function';

/** API Gateway gives up on an integration after 29 s. */
const TIMEOUT_MS = 29_000;

export interface FunctionEnvironmentInput {
  region: string;
  userPoolId: string;
  tableNames: Record<keyof typeof TABLES, string>;
  allowedOrigins: readonly string[];
  opsTokenSecretId: string;
  opsAllowedCidrs: readonly string[];
  endpoints: { dynamoDb: string; cognitoIdentityProvider: string; secretsManager: string };
}

export interface LocalFunctions {
  admin: LocalFunction;
  general: LocalFunction;
  ops: LocalFunction;
  opsAuthorizer: LocalFunction;
  close(): Promise<void>;
}

/**
 * The handlers as Lambda functions: the same bundles, with the variables the CDK app sets
 * plus the SDK's standard `AWS_ENDPOINT_URL_*` pointing at the local services.
 */
export async function startFunctions(input: FunctionEnvironmentInput): Promise<LocalFunctions> {
  const common: Record<string, string> = {
    AWS_REGION: input.region,
    AWS_DEFAULT_REGION: input.region,
    // The execution role's credentials, as Lambda provides them; the local services accept any.
    AWS_ACCESS_KEY_ID: 'ASIALOCALFUNCTIONROLE',
    AWS_SECRET_ACCESS_KEY: 'local-function-role-secret',
    AWS_SESSION_TOKEN: 'local-function-role-session',
    AWS_ENDPOINT_URL_DYNAMODB: input.endpoints.dynamoDb,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: input.endpoints.cognitoIdentityProvider,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: input.endpoints.secretsManager,
    // Lambda's runtime is Node 22; the warning about running on 20 is the host's, not theirs.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    NODE_ENV: 'production',
  };
  // Each function is told of only the tables it uses, as the CDK app grants them.
  const tables = (...keys: Array<keyof typeof TABLES>) =>
    Object.fromEntries(keys.map((key) => [TABLES[key].env, input.tableNames[key]]));
  const make = async (name: string, environment: Record<string, string>) =>
    new LocalFunction({
      name,
      bundlePath: await bundleFunction(name),
      environment: { ...common, AWS_LAMBDA_FUNCTION_NAME: name, ...environment },
      timeoutMs: TIMEOUT_MS,
    });
  const origins = input.allowedOrigins.join(',');
  const [admin, general, ops, opsAuthorizer] = await Promise.all([
    make('admin', {
      USER_POOL_ID: input.userPoolId,
      ALLOWED_ORIGINS: origins,
      ...tables('audit', 'announcements'),
    }),
    make('general', { ALLOWED_ORIGINS: origins, ...tables('announcements', 'profiles') }),
    make('ops', { USER_POOL_ID: input.userPoolId, ...tables('audit') }),
    make('ops-authorizer', {
      OPS_TOKEN_SECRET_ID: input.opsTokenSecretId,
      OPS_ALLOWED_CIDRS: input.opsAllowedCidrs.join(','),
    }),
  ]);
  return {
    admin,
    general,
    ops,
    opsAuthorizer,
    close: async () => {
      await Promise.all([admin, general, ops, opsAuthorizer].map((fn) => fn.close()));
    },
  };
}
