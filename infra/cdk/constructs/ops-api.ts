import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import {
  HttpLambdaAuthorizer,
  HttpLambdaResponseType,
} from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { API_CORS, routesOf } from '@contract';
import { logRetention } from './api-logging';

export interface OpsApiProps {
  handler: IFunction;
  authorizer: IFunction;
  production: boolean;
}

/** Monitors poll; a few calls a second is plenty, and each one costs an authorizer run. */
const OPS_THROTTLING = { rateLimit: 10, burstLimit: 20 } as const;

/**
 * The ops API: an HTTP API for monitoring systems, behind a Lambda authorizer (simple
 * responses) that checks the caller's source address and bearer token. Decisions are not
 * cached: the allow-list is per address, and a revoked token must stop working at once.
 * Monitors are not browsers: `API_CORS.ops` gives it no CORS configuration.
 */
export class OpsApi extends Construct {
  readonly api: HttpApi;
  /** The `$default` stage's URL, without a trailing slash. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: OpsApiProps) {
    super(scope, id);
    if (API_CORS.ops) {
      // An HTTP API's CorsConfiguration would also need the site's origin and the local server.
      throw new Error('API_CORS.ops is set, but the ops API does not deploy CORS yet.');
    }
    this.api = new HttpApi(this, 'Api', {
      description: 'Console ops API (Lambda authorizer: source address and bearer token)',
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: logRetention(props.production),
      removalPolicy: props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: OPS_THROTTLING,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // Never the Authorization header: the token must not reach the logs.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });

    const authorizer = new HttpLambdaAuthorizer('OpsAuthorizer', props.authorizer, {
      responseTypes: [HttpLambdaResponseType.SIMPLE],
      identitySource: ['$request.header.Authorization'],
      resultsCacheTtl: Duration.seconds(0),
    });
    const integration = new HttpLambdaIntegration('OpsIntegration', props.handler);
    for (const [, route] of routesOf('ops')) {
      this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration,
        authorizer,
      });
    }
    this.url = this.api.apiEndpoint;
  }
}
