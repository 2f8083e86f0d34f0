import { Stack, Validations } from 'aws-cdk-lib';
import {
  AuthorizationType,
  EndpointType,
  LambdaIntegration,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import { PolicyDocument } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { adminApiResourcePolicy, routesOf } from '@contract';
import { RestApiLogs, type ApiGatewayAccountLogging } from './api-logging';
import { addRestApiCors } from './rest-api-cors';
import { acknowledgeHandlerValidation } from '../nag-acknowledgements';

export interface AdminApiProps {
  stageName: string;
  production: boolean;
  accountLogging: ApiGatewayAccountLogging;
  /** Roles besides the group roles that the resource policy lets invoke the API. */
  automationRoleArns: readonly string[];
}

/**
 * The admin API: a regional REST API the SPA calls directly at its `execute-api` address with
 * SigV4-signed requests. Every route of the contract's admin API requires `AWS_IAM`, so API
 * Gateway checks the caller's group role for `execute-api:Invoke` before the handler runs, and
 * its resource policy (the contract's) refuses every other principal of the account, however
 * broad its own rights.
 * Preflights answer without authorisation (browsers send none), and API Gateway's own error
 * answers carry the CORS headers, so the SPA can read why a call was refused.
 *
 * Built in two steps because the site's CSP needs this API's address and this API's CORS
 * needs the site's: the API first, then `serve()` once the site exists.
 */
export class AdminApi extends Construct {
  readonly api: RestApi;
  readonly stageName: string;
  /** The stage's base URL, without a trailing slash. */
  readonly url: string;
  /** `https://{id}.execute-api.{region}.{suffix}`, for the site's CSP. */
  readonly origin: string;

  constructor(scope: Construct, id: string, props: AdminApiProps) {
    super(scope, id);
    this.stageName = props.stageName;
    const logs = new RestApiLogs(this, 'Logs', props);
    const stack = Stack.of(this);
    // Role ARNs built from the contract's names, not the roles' own: their policies name this
    // API, so referring back to them would be a circular dependency.
    const resourcePolicy = adminApiResourcePolicy({
      partition: stack.partition,
      accountId: stack.account,
      automationRoleArns: props.automationRoleArns,
    });
    this.api = new RestApi(this, 'Api', {
      description: 'Console admin API (AWS_IAM, SigV4)',
      endpointConfiguration: { types: [EndpointType.REGIONAL] },
      cloudWatchRole: false,
      deployOptions: { stageName: props.stageName, ...logs.stageOptions },
      defaultMethodOptions: { authorizationType: AuthorizationType.IAM },
      policy: PolicyDocument.fromJson(resourcePolicy),
    });
    // A changed resource policy takes effect only when the API is deployed again.
    this.api.latestDeployment?.addToLogicalId({ resourcePolicy });
    logs.attachTo(this.api, props.stageName);

    this.origin = `https://${this.api.restApiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
    this.url = `${this.origin}/${props.stageName}`;

    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-COG4',
      reason:
        'By design the admin API authorises with AWS_IAM: callers sign with the identity pool credentials of their group role, whose policy names each route it may invoke (a user pool authorizer could only check sign-in). Its CORS preflights carry no credentials by the Fetch standard.',
    });
    acknowledgeHandlerValidation(this.api);
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG3',
      reason:
        'Every method requires a SigV4 signature by an IAM role and the stage is throttled; a WAF web ACL (about 6 USD a month plus requests) is left as an opt-in cost decision for each deployment.',
    });
  }

  /**
   * The contract's admin routes, proxied to `handler`, with CORS for `siteOrigin` only: the
   * one origin allowed, never `*`, as every call carries credentials.
   */
  serve(handler: IFunction, siteOrigin: string): void {
    // API Gateway invokes the function under its own resource-based permission, one per
    // route's ARN; callers' credentials are never passed on, so roles need no Lambda rights.
    const integration = new LambdaIntegration(handler, {
      proxy: true,
      allowTestInvoke: false,
    });
    for (const [, route] of routesOf('admin')) {
      this.api.root.resourceForPath(route.path).addMethod(route.method, integration, {
        authorizationType: AuthorizationType.IAM,
      });
    }
    addRestApiCors(this.api, 'admin', siteOrigin);
  }
}
