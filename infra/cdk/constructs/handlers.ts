import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { UserPool } from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import {
  FUNCTION_ACCESS,
  functionEnvironment,
  type FunctionName,
} from '../../functions/function-access';
import { accessPolicy } from '../../functions/shared/access';
import type { TableName } from '../../functions/shared/tables';
import { pascalCase as pascal } from '../naming';

export { FUNCTION_NAMES as HANDLER_NAMES } from '../../functions/function-access';
export type HandlerName = FunctionName;

export interface HandlersProps {
  production: boolean;
  tables: Readonly<Record<TableName, Table>>;
  userPool: UserPool;
  /** The site's origin (`https://…`), the only one the APIs' CORS answers allow. */
  siteOrigin: string;
  opsTokenSecret: ISecret;
  /** Comma-separated CIDRs the ops API may be called from. */
  opsAllowedCidrs: string;
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * How each handler is bundled (esbuild, run by NodejsFunction): minified, with a source map
 * the runtime applies to stack traces (`HANDLER_NODE_OPTIONS`), the AWS SDK included.
 * `bench/cold-start.bench.ts` bundles from this same object to time the handlers' load.
 */
export const HANDLER_BUNDLING = {
  format: OutputFormat.CJS,
  target: 'node22',
  // Packages' ES modules before their CommonJS: esbuild can then leave out the parts of the
  // AWS SDK a handler never imports, which loads ~30% quicker on a cold start (bench/README.md).
  mainFields: ['module', 'main'],
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  bundleAwsSDK: true,
  forceDockerBundling: false,
} as const satisfies BundlingOptions;

/** The handlers' `NODE_OPTIONS`: stack traces in CloudWatch name the TypeScript source. */
export const HANDLER_NODE_OPTIONS = '--enable-source-maps';

/**
 * The four Lambda handlers, bundled with esbuild from `infra/functions/` (AWS SDK included,
 * so the cloud runs the SDK versions the local stack tests). Each has its own role that can
 * write only its own log group, and is told only of the tables it was granted.
 */
export class Handlers extends Construct {
  readonly functions: Readonly<Record<HandlerName, NodejsFunction>>;

  constructor(scope: Construct, id: string, props: HandlersProps) {
    super(scope, id);
    const retention = props.production ? RetentionDays.SIX_MONTHS : RetentionDays.ONE_MONTH;
    const removalPolicy = props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    const make = (name: HandlerName, environment: Record<string, string>) => {
      const access = FUNCTION_ACCESS[name];
      const construct = pascal(name);
      const logGroup = new LogGroup(this, `${construct}Logs`, { retention, removalPolicy });
      // Its own role instead of the default, whose AWS-managed policy may write any log group.
      const role = new Role(this, `${construct}Role`, {
        assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
        description: `The ${name} handler`,
      });
      logGroup.grantWrite(role);
      // The policy the function's code needs, from the stores it uses: the same document the
      // local stack gives its functions' roles (see `infra/functions/function-access.ts`).
      const policy = accessPolicy(access, {
        table: (table) => props.tables[table].tableArn,
        userPool: props.userPool.userPoolArn,
        opsTokenSecret: props.opsTokenSecret.secretArn,
      });
      for (const statement of policy.Statement) {
        role.addToPrincipalPolicy(PolicyStatement.fromJson(statement));
      }
      const fn = new NodejsFunction(this, construct, {
        entry: `${repoRoot}infra/functions/${name}/index.ts`,
        handler: 'handler',
        runtime: Runtime.NODEJS_22_X,
        architecture: Architecture.ARM_64,
        memorySize: 512,
        // API Gateway gives up on an integration after 29 s; the local stack does the same.
        timeout: Duration.seconds(29),
        role,
        logGroup,
        projectRoot: repoRoot,
        depsLockFilePath: `${repoRoot}package-lock.json`,
        environment: {
          NODE_OPTIONS: HANDLER_NODE_OPTIONS,
          ...functionEnvironment(name, {
            tableName: (table) => props.tables[table].tableName,
            userPoolId: props.userPool.userPoolId,
            opsTokenSecretId: props.opsTokenSecret.secretArn,
            allowedOrigins: props.siteOrigin,
          }),
          ...environment,
        },
        bundling: HANDLER_BUNDLING,
      });
      Validations.of(fn).acknowledge({
        id: 'AwsSolutions-L1',
        reason:
          'Pinned to nodejs22.x, the runtime the handlers are bundled for and the local stack emulates (supported by Lambda until 2027); moving to a newer Node is a deliberate upgrade tested locally first.',
      });
      return fn;
    };

    this.functions = {
      admin: make('admin', {}),
      general: make('general', {}),
      ops: make('ops', {}),
      'ops-authorizer': make('ops-authorizer', { OPS_ALLOWED_CIDRS: props.opsAllowedCidrs }),
    };
  }
}
