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
import type { RuntimeConfig } from '../../src/contract';
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

export interface ConsoleStackProps extends StackProps {
  settings: Pick<DeploymentSettings, 'stage' | 'production' | 'opsAllowedCidrs'>;
  /** The SPA's production build to deploy (`dist/`), if there is one. */
  buildDir: string | undefined;
}

/** The outputs `npm run deploy` prints and `npm run create-admin` reads. */
export const OUTPUTS = {
  siteUrl: 'SiteUrl',
  adminApiUrl: 'AdminApiUrl',
  opsApiUrl: 'OpsApiUrl',
  region: 'Region',
  userPoolId: 'UserPoolId',
  userPoolClientId: 'UserPoolClientId',
  identityPoolId: 'IdentityPoolId',
  opsTokenSecretName: 'OpsTokenSecretName',
} as const;

/**
 * The whole product in one stack, built from `src/contract`: the user and identity pools,
 * the three APIs with their handlers and tables, and the site that serves the SPA.
 */
export class ConsoleStack extends Stack {
  constructor(scope: Construct, id: string, props: ConsoleStackProps) {
    super(scope, id, props);
    const { stage, production } = props.settings;

    const opsAllowedCidrs = new CfnParameter(this, 'OpsAllowedCidrs', {
      type: 'String',
      default: props.settings.opsAllowedCidrs,
      allowedPattern: CIDR_LIST_PATTERN,
      description:
        'Comma-separated CIDRs the ops API may be called from (the default 127.0.0.1/32 lets nobody in)',
    });
    const opsToken = new Secret(this, 'OpsToken', {
      description: 'Bearer token of the console ops API',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    Validations.of(opsToken).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'A bearer token shared with external monitoring systems, which automatic rotation would break; it is rotated by hand with put-secret-value, and the authorizer reads the new value within five minutes.',
    });

    const data = new DataTables(this, 'Data', { production });
    const accountLogging = new ApiGatewayAccountLogging(this, 'ApiGatewayLogging');
    const adminApi = new AdminApi(this, 'AdminApi', {
      stageName: stage,
      production,
      accountLogging,
    });
    const generalApi = new GeneralApi(this, 'GeneralApi', {
      stageName: stage,
      production,
      accountLogging,
    });
    const site = new Site(this, 'Site', {
      production,
      adminApiOrigin: adminApi.origin,
      generalApi: { domainName: generalApi.domainName, stageName: generalApi.stageName },
    });
    const users = new UserDirectory(this, 'Users', { production, siteUrl: site.origin });
    const handlers = new Handlers(this, 'Handlers', {
      production,
      tables: data.tables,
      userPool: users.userPool,
      siteOrigin: site.origin,
      opsTokenSecret: opsToken,
      opsAllowedCidrs: opsAllowedCidrs.valueAsString,
    });
    adminApi.serve(handlers.functions.admin, site.origin);
    generalApi.serve(handlers.functions.general, users.userPool);
    const opsApi = new OpsApi(this, 'OpsApi', {
      handler: handlers.functions.ops,
      authorizer: handlers.functions['ops-authorizer'],
      production,
    });
    const access = new GroupAccess(this, 'Access', {
      userPool: users.userPool,
      client: users.client,
      adminApi: { restApiId: adminApi.api.restApiId, stageName: adminApi.stageName },
    });

    const config: RuntimeConfig = {
      region: this.region,
      userPoolId: users.userPool.userPoolId,
      userPoolClientId: users.client.userPoolClientId,
      identityPoolId: access.identityPool.identityPoolId,
      adminApiUrl: adminApi.url,
      generalApiUrl: generalApiPrefix(),
      opsApiUrl: opsApi.url,
    };
    new SiteContent(this, 'SiteContent', {
      bucket: site.bucket,
      distribution: site.distribution,
      buildDir: props.buildDir,
      config,
    });

    const output = (key: keyof typeof OUTPUTS, value: string, description: string) =>
      new CfnOutput(this, OUTPUTS[key], { value, description });
    output('siteUrl', site.origin, 'The console: open it in a browser');
    output('adminApiUrl', adminApi.url, 'Admin API (AWS_IAM): call it at this address, signed');
    output('opsApiUrl', opsApi.url, 'Ops API (bearer token, allowed CIDRs only)');
    output('region', this.region, 'Region of the user pool and APIs');
    output('userPoolId', users.userPool.userPoolId, 'User pool');
    output('userPoolClientId', users.client.userPoolClientId, 'The SPA app client');
    output('identityPoolId', access.identityPool.identityPoolId, 'Identity pool');
    output(
      'opsTokenSecretName',
      opsToken.secretName,
      'Secrets Manager secret holding the ops token',
    );
  }
}
