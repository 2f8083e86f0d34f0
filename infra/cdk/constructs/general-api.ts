import { Stack, Validations } from 'aws-cdk-lib';
import {
  AuthorizationType,
  CognitoUserPoolsAuthorizer,
  EndpointType,
  LambdaIntegration,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import type { UserPool } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { routesOf } from '@contract';
import { RestApiLogs, type ApiGatewayAccountLogging } from './api-logging';
import { acknowledgeHandlerValidation } from '../nag-acknowledgements';
import { addRestApiCors } from './rest-api-cors';

export interface GeneralApiProps {
  stageName: string;
  production: boolean;
  accountLogging: ApiGatewayAccountLogging;
}

/**
 * The general API: a regional REST API behind a Cognito user pool authorizer, reached through
 * the site's CloudFront distribution at `/api/*` (same origin: `API_CORS.general` gives it no
 * CORS, so an OPTIONS there is refused like any other missing method). Its routes already
 * start with `/api`, so CloudFront's origin path is just the stage: `/api/me` on the site is
 * `/{stage}/api/me` here, as the local SPA server's proxy maps it.
 *
 * Built in two steps, as the site needs this API's address and the handler the site's origin:
 * the API first, then `serve()`.
 */
export class GeneralApi extends Construct {
  readonly api: RestApi;
  readonly stageName: string;
  /** `{id}.execute-api.{region}.{suffix}`: CloudFront's origin. */
  readonly domainName: string;

  constructor(scope: Construct, id: string, props: GeneralApiProps) {
    super(scope, id);
    this.stageName = props.stageName;
    const logs = new RestApiLogs(this, 'Logs', props);
    this.api = new RestApi(this, 'Api', {
      description: 'Console general API (Cognito user pool authorizer)',
      endpointConfiguration: { types: [EndpointType.REGIONAL] },
      cloudWatchRole: false,
      deployOptions: { stageName: props.stageName, ...logs.stageOptions },
    });
    logs.attachTo(this.api, props.stageName);

    const stack = Stack.of(this);
    this.domainName = `${this.api.restApiId}.execute-api.${stack.region}.${stack.urlSuffix}`;

    acknowledgeHandlerValidation(this.api);
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG3',
      reason:
        'Every method requires a valid Cognito ID token and the stage is throttled; a WAF web ACL (about 6 USD a month plus requests) is left as an opt-in cost decision for each deployment.',
    });
  }

  /**
   * The contract's general routes, each behind the user pool's authorizer, proxied to
   * `handler`, with the CORS `API_CORS` gives this API (for `siteOrigin`, if any).
   */
  serve(handler: IFunction, userPool: UserPool, siteOrigin: string): void {
    const authorizer = new CognitoUserPoolsAuthorizer(this, 'Authorizer', {
      cognitoUserPools: [userPool],
      identitySource: 'method.request.header.Authorization',
    });
    const integration = new LambdaIntegration(handler, {
      proxy: true,
      allowTestInvoke: false,
    });
    for (const [, route] of routesOf('general')) {
      this.api.root.resourceForPath(route.path).addMethod(route.method, integration, {
        authorizationType: AuthorizationType.COGNITO,
        authorizer,
      });
    }
    addRestApiCors(this.api, 'general', siteOrigin);
  }
}
