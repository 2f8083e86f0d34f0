import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccessLogFormat,
  CfnAccount,
  LogGroupLogDestination,
  MethodLoggingLevel,
  type RestApi,
  type StageOptions,
} from 'aws-cdk-lib/aws-apigateway';
import { ManagedPolicy, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** Enough for an admin console's traffic; a runaway client is throttled, not billed. */
export const STAGE_THROTTLING = { rateLimit: 50, burstLimit: 100 } as const;

export const logRetention = (production: boolean) =>
  production ? RetentionDays.SIX_MONTHS : RetentionDays.ONE_MONTH;

/**
 * The region-wide setting REST APIs need before any stage may log to CloudWatch: the role
 * API Gateway writes logs with. Kept when the stack goes, as other APIs in the account may
 * rely on the same setting.
 */
export class ApiGatewayAccountLogging extends Construct {
  readonly account: CfnAccount;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('apigateway.amazonaws.com'),
      managedPolicies: [
        ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonAPIGatewayPushToCloudWatchLogs'),
      ],
    });
    role.applyRemovalPolicy(RemovalPolicy.RETAIN);
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      reason:
        'The account-wide role API Gateway logs with for every REST API in the region; AWS maintains this policy for exactly that purpose, and a narrower one could break other APIs sharing the setting.',
    });
    this.account = new CfnAccount(this, 'Account', { cloudWatchRoleArn: role.roleArn });
    this.account.applyRemovalPolicy(RemovalPolicy.RETAIN);
  }
}

export interface RestApiLogsProps {
  production: boolean;
  accountLogging: ApiGatewayAccountLogging;
}

/**
 * A REST API stage's logs: a JSON access log line per request (caller, IP, route, status;
 * never headers or bodies, so no token is ever logged) and execution logs for errors only.
 */
export class RestApiLogs extends Construct {
  readonly accessLogs: LogGroup;
  readonly stageOptions: StageOptions;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: RestApiLogsProps,
  ) {
    super(scope, id);
    const removalPolicy = props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    this.accessLogs = new LogGroup(this, 'Access', {
      retention: logRetention(props.production),
      removalPolicy,
    });
    this.stageOptions = {
      accessLogDestination: new LogGroupLogDestination(this.accessLogs),
      accessLogFormat: AccessLogFormat.jsonWithStandardFields({
        caller: true,
        httpMethod: true,
        ip: true,
        protocol: true,
        requestTime: true,
        resourcePath: true,
        responseLength: true,
        status: true,
        user: true,
      }),
      loggingLevel: MethodLoggingLevel.ERROR,
      dataTraceEnabled: false,
      metricsEnabled: true,
      throttlingRateLimit: STAGE_THROTTLING.rateLimit,
      throttlingBurstLimit: STAGE_THROTTLING.burstLimit,
    };
  }

  /**
   * Creates the execution log group API Gateway would otherwise create itself with no
   * retention, and orders the stage after it and after the account's logging role.
   */
  attachTo(api: RestApi, stageName: string): void {
    // The name, not `deploymentStage.stageName`: that is a reference to the stage itself.
    const executionLogs = new LogGroup(this, 'Execution', {
      logGroupName: `API-Gateway-Execution-Logs_${api.restApiId}/${stageName}`,
      retention: logRetention(this.props.production),
      removalPolicy: this.props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    api.deploymentStage.node.addDependency(executionLogs, this.props.accountLogging.account);
  }
}
