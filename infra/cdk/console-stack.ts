import {
  CfnOutput,
  CfnParameter,
  RemovalPolicy,
  Stack,
  Validations,
  type StackProps,
} from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { RuntimeConfig } from '@contract';
import { AdminApi } from './constructs/admin-api';
import { ApiGatewayAccountLogging } from './constructs/api-logging';
import { DataTables } from './constructs/data-tables';
import { GeneralApi } from './constructs/general-api';
import { GroupAccess } from './constructs/group-access';
import { Handlers } from './constructs/handlers';
import { OpsApi } from './constructs/ops-api';
import { generalApiPrefix, Site } from './constructs/site';
import { SiteContent } from './constructs/site-content';
import { UserDirectory } from './constructs/user-directory';
import { CIDR_LIST_PATTERN, type DeploymentSettings } from './deployment-settings';
import { OUTPUTS } from './stack-outputs';

export interface ConsoleStackProps extends StackProps {
  settings: Pick<
    DeploymentSettings,
    'stage' | 'production' | 'opsAllowedCidrs' | 'adminApiAutomationRoles'
  >;
  /** The SPA's production build to deploy (`dist/`), if there is one. */
  buildDir: string | undefined;
}

/**
 * The whole product in one stack, built from `src/contract`: the user and identity pools,
 * the three APIs with their handlers and tables, and the site that serves the SPA.
 */
export class ConsoleStack extends Stack {
  readonly users: UserDirectory;
  readonly access: GroupAccess;
  readonly data: DataTables;
  readonly handlers: Handlers;
  readonly adminApi: AdminApi;
  readonly generalApi: GeneralApi;
  readonly opsApi: OpsApi;
  readonly opsToken: Secret;
  readonly opsAllowedCidrs: CfnParameter;
  readonly site: Site;
  readonly siteContent: SiteContent;
  /** What `/config.json` holds (deploy-time tokens until CloudFormation resolves them). */
  readonly runtimeConfig: RuntimeConfig;

  constructor(scope: Construct, id: string, props: ConsoleStackProps) {
    super(scope, id, props);
    const { stage, production } = props.settings;

    this.opsAllowedCidrs = new CfnParameter(this, 'OpsAllowedCidrs', {
      type: 'String',
      default: props.settings.opsAllowedCidrs,
      allowedPattern: CIDR_LIST_PATTERN,
      description:
        'Comma-separated CIDRs the ops API may be called from (the default 127.0.0.1/32 lets nobody in)',
    });
    // The bare token is the secret's value: the authorizer compares it as it is.
    this.opsToken = new Secret(this, 'OpsToken', {
      description: 'Bearer token of the console ops API',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    Validations.of(this.opsToken).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'A bearer token shared with external monitoring systems, which automatic rotation would break; it is rotated by hand with put-secret-value, and the authorizer reads the new value within five minutes.',
    });

    this.data = new DataTables(this, 'Data', { production });
    const accountLogging = new ApiGatewayAccountLogging(this, 'ApiGatewayLogging');
    const apiProps = { stageName: stage, production, accountLogging };
    this.adminApi = new AdminApi(this, 'AdminApi', {
      ...apiProps,
      automationRoleArns: props.settings.adminApiAutomationRoles,
    });
    this.generalApi = new GeneralApi(this, 'GeneralApi', apiProps);
    this.site = new Site(this, 'Site', {
      production,
      adminApiOrigin: this.adminApi.origin,
      generalApi: { domainName: this.generalApi.domainName, stageName: stage },
    });
    this.users = new UserDirectory(this, 'Users', { production, siteUrl: this.site.origin });
    this.handlers = new Handlers(this, 'Handlers', {
      production,
      tables: this.data.tables,
      userPool: this.users.userPool,
      siteOrigin: this.site.origin,
      opsTokenSecret: this.opsToken,
      opsAllowedCidrs: this.opsAllowedCidrs.valueAsString,
    });
    const fns = this.handlers.functions;
    this.adminApi.serve(fns.admin, this.site.origin);
    this.generalApi.serve(fns.general, this.users.userPool, this.site.origin);
    this.opsApi = new OpsApi(this, 'OpsApi', {
      handler: fns.ops,
      authorizer: fns['ops-authorizer'],
      production,
    });
    this.access = new GroupAccess(this, 'Access', {
      userPool: this.users.userPool,
      client: this.users.client,
      adminApi: { restApiId: this.adminApi.api.restApiId, stageName: stage },
    });

    this.runtimeConfig = {
      region: this.region,
      userPoolId: this.users.userPool.userPoolId,
      userPoolClientId: this.users.client.userPoolClientId,
      identityPoolId: this.access.identityPool.identityPoolId,
      adminApiUrl: this.adminApi.url,
      generalApiUrl: generalApiPrefix(),
      opsApiUrl: this.opsApi.url,
    };
    this.siteContent = new SiteContent(this, 'SiteContent', {
      bucket: this.site.bucket,
      distribution: this.site.distribution,
      buildDir: props.buildDir,
      config: this.runtimeConfig,
    });

    const output = (key: keyof typeof OUTPUTS, value: string, description: string) =>
      new CfnOutput(this, OUTPUTS[key], { value, description });
    output('siteUrl', this.site.origin, 'The console: open it in a browser');
    output(
      'adminApiUrl',
      this.adminApi.url,
      'Admin API (AWS_IAM): call it at this address, signed',
    );
    output('opsApiUrl', this.opsApi.url, 'Ops API (bearer token, allowed CIDRs only)');
    output('region', this.region, 'Region of the user pool and APIs');
    output('userPoolId', this.users.userPool.userPoolId, 'User pool');
    output('userPoolClientId', this.users.client.userPoolClientId, 'The SPA app client');
    output('identityPoolId', this.access.identityPool.identityPoolId, 'Identity pool');
    output(
      'opsTokenSecretName',
      this.opsToken.secretName,
      'Secrets Manager secret of the ops token',
    );
  }
}
