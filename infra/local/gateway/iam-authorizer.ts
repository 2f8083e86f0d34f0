import {
  adminApiResourcePolicy,
  GROUP_NAMES,
  groupRolePolicy,
  roleArn,
  type ApiStage,
  type PolicyDocument,
} from '@contract';
import type { IssuedCredentials } from '../iam/credentials';
import { evaluate } from '../iam/policy-evaluator';
import { accessDenied, GatewayResponse } from './gateway-response';
import type { IncomingRequest } from './incoming';
import { ApiResourcePolicy, combinedDecision, invokedArn } from './resource-policy';
import { GatewayAuthError, verifySigV4 } from './sigv4-verifier';

export interface IamAuthorizerOptions {
  stage: ApiStage;
  now: () => number;
  findCredentials: (accessKeyId: string) => IssuedCredentials | undefined;
  /**
   * The identity policies of a role or user (the local account's); by default those of the
   * group roles alone, as the contract builds them.
   */
  policiesOf?: (principalArn: string) => readonly PolicyDocument[];
  /**
   * The API's resource policy; by default the contract's for the admin API with no automation
   * roles, as `cdk deploy` without `adminApiAutomationRoles` attaches it.
   */
  resourcePolicy?: ApiResourcePolicy;
}

/**
 * `AWS_IAM` authorisation: the signature, then `execute-api:Invoke` on the request's ARN
 * against the caller's role policy (the document the CDK app attaches to that role) and the
 * API's resource policy, combined as API Gateway combines them.
 */
export class IamAuthorizer {
  private readonly policiesOf: (principalArn: string) => readonly PolicyDocument[];
  private readonly resourcePolicy: ApiResourcePolicy;

  constructor(private readonly options: IamAuthorizerOptions) {
    const groupPolicies = new Map(
      GROUP_NAMES.map((group) => [
        roleArn(options.stage.accountId, group),
        [groupRolePolicy(group, options.stage)],
      ]),
    );
    this.policiesOf = options.policiesOf ?? ((arn) => groupPolicies.get(arn) ?? []);
    this.resourcePolicy =
      options.resourcePolicy ??
      new ApiResourcePolicy(
        adminApiResourcePolicy({ accountId: options.stage.accountId }),
        options.stage,
      );
  }

  /** The caller's credentials if the request may invoke `method path`; else the 403 to send. */
  async authorize(request: IncomingRequest, resourcePath: string): Promise<IssuedCredentials> {
    let caller: IssuedCredentials;
    try {
      caller = await verifySigV4(
        {
          method: request.method,
          rawPath: request.rawPath,
          rawQuery: request.rawQuery,
          headers: request.headers,
          body: request.body,
        },
        {
          region: this.options.stage.region,
          service: 'execute-api',
          now: this.options.now,
          findCredentials: this.options.findCredentials,
        },
      );
    } catch (error) {
      if (error instanceof GatewayAuthError) {
        throw new GatewayResponse(error.status, error.errorType, error.message);
      }
      throw error;
    }
    const { accountId } = this.options.stage;
    const resource = invokedArn(this.options.stage, request.method, resourcePath);
    // aws:PrincipalArn is the role's ARN for a role session, the user's for an IAM user.
    const decision = combinedDecision(
      evaluate(this.policiesOf(caller.roleArn), 'execute-api:Invoke', resource),
      this.resourcePolicy.decide(caller.roleArn, resource),
      caller.roleArn.split(':')[4] === accountId,
    );
    if (decision !== 'Allow') {
      throw accessDenied(caller.assumedRoleArn, resource, accountId, decision);
    }
    return caller;
  }
}
