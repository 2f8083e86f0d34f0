import { functionEnvironment, type FunctionName } from '../../functions/function-access';
import type { TABLES } from '../../functions/shared/tables';
import { bundleFunction } from './bundle';
import { LocalFunction, type RoleCredentials } from './local-function';

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
  /** New credentials of a function's execution role (see `function-roles.ts`). */
  roleCredentials: (name: FunctionName) => RoleCredentials;
  now: () => number;
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
    AWS_ENDPOINT_URL_DYNAMODB: input.endpoints.dynamoDb,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: input.endpoints.cognitoIdentityProvider,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: input.endpoints.secretsManager,
    // Lambda's runtime is Node 22; the warning about running on 20 is the host's, not theirs.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    NODE_ENV: 'production',
  };
  // Each function is told of only the resources its policy names, as the CDK app does.
  const make = async (name: FunctionName, environment: Record<string, string>) => {
    return new LocalFunction({
      name,
      bundlePath: await bundleFunction(name),
      environment: {
        ...common,
        AWS_LAMBDA_FUNCTION_NAME: name,
        ...functionEnvironment(name, {
          tableName: (table) => input.tableNames[table],
          userPoolId: input.userPoolId,
          opsTokenSecretId: input.opsTokenSecretId,
          allowedOrigins: input.allowedOrigins.join(','),
        }),
        ...environment,
      },
      timeoutMs: TIMEOUT_MS,
      roleCredentials: () => input.roleCredentials(name),
      now: input.now,
    });
  };
  const [admin, general, ops, opsAuthorizer] = await Promise.all([
    make('admin', {}),
    make('general', {}),
    make('ops', {}),
    make('ops-authorizer', { OPS_ALLOWED_CIDRS: input.opsAllowedCidrs.join(',') }),
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
