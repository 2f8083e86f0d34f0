import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { UserPool } from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { TABLES, type TableName } from '../../functions/shared/tables';
import { pascalCase as pascal } from '../naming';

export const HANDLER_NAMES = ['admin', 'general', 'ops', 'ops-authorizer'] as const;
export type HandlerName = (typeof HANDLER_NAMES)[number];

/**
 * What each handler may touch, and nothing more: the tables it reads or writes (with the
 * exact DynamoDB actions its code calls) and the user-pool operations it calls.
 */
interface HandlerNeeds {
  tables?: Partial<Record<TableName, readonly string[]>>;
  userPool?: readonly string[];
  /** Answers browsers, so it needs the site's origin for CORS. */
  cors?: boolean;
}

const USER_POOL_READS = [
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminListGroupsForUser',
  'cognito-idp:ListUsers',
  'cognito-idp:ListGroups',
  'cognito-idp:ListUsersInGroup',
];

export const HANDLER_NEEDS: Readonly<Record<HandlerName, HandlerNeeds>> = {
  admin: {
    tables: {
      audit: ['dynamodb:PutItem', 'dynamodb:Query'],
      announcements: ['dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:DeleteItem'],
    },
    userPool: [
      ...USER_POOL_READS,
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminDeleteUser',
      'cognito-idp:AdminDisableUser',
      'cognito-idp:AdminEnableUser',
      'cognito-idp:AdminResetUserPassword',
      'cognito-idp:AdminAddUserToGroup',
      'cognito-idp:AdminRemoveUserFromGroup',
    ],
    cors: true,
  },
  general: {
    tables: {
      announcements: ['dynamodb:Query'],
      profiles: ['dynamodb:GetItem', 'dynamodb:PutItem'],
    },
    cors: true,
  },
  ops: {
    tables: { audit: ['dynamodb:Query'] },
    userPool: ['cognito-idp:ListUsers', 'cognito-idp:ListUsersInGroup'],
  },
  'ops-authorizer': {},
};

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
      const needs = HANDLER_NEEDS[name];
      const construct = pascal(name);
      const logGroup = new LogGroup(this, `${construct}Logs`, { retention, removalPolicy });
      // Its own role instead of the default, whose AWS-managed policy may write any log group.
      const role = new Role(this, `${construct}Role`, {
        assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
        description: `The ${name} handler`,
      });
      logGroup.grantWrite(role);
      const tables = Object.entries(needs.tables ?? {}) as Array<[TableName, string[]]>;
      for (const [table, actions] of tables) props.tables[table].grant(role, ...actions);
      if (needs.userPool?.length) {
        role.addToPrincipalPolicy(
          new PolicyStatement({
            actions: [...needs.userPool],
            resources: [props.userPool.userPoolArn],
          }),
        );
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
          NODE_OPTIONS: '--enable-source-maps',
          ...Object.fromEntries(
            tables.map(([table]) => [TABLES[table].env, props.tables[table].tableName]),
          ),
          ...(needs.userPool ? { USER_POOL_ID: props.userPool.userPoolId } : {}),
          ...(needs.cors ? { ALLOWED_ORIGINS: props.siteOrigin } : {}),
          ...environment,
        },
        bundling: {
          format: OutputFormat.CJS,
          target: 'node22',
          minify: true,
          sourceMap: true,
          sourcesContent: false,
          bundleAwsSDK: true,
          forceDockerBundling: false,
        },
      });
      Validations.of(fn).acknowledge({
        id: 'AwsSolutions-L1',
        reason:
          'Pinned to nodejs22.x, the runtime the handlers are bundled for and the local stack emulates (supported by Lambda until 2027); moving to a newer Node is a deliberate upgrade tested locally first.',
      });
      return fn;
    };

    const opsAuthorizer = make('ops-authorizer', {
      OPS_TOKEN_SECRET_ID: props.opsTokenSecret.secretArn,
      OPS_ALLOWED_CIDRS: props.opsAllowedCidrs,
    });
    // Reads the token and nothing else (not even DescribeSecret).
    opsAuthorizer.addToRolePolicy(
      new PolicyStatement({
        actions: ['secretsmanager:GetSecretValue'],
        resources: [props.opsTokenSecret.secretArn],
      }),
    );
    this.functions = {
      admin: make('admin', {}),
      general: make('general', {}),
      ops: make('ops', {}),
      'ops-authorizer': opsAuthorizer,
    };
  }
}
