import {
  GROUP_NAMES,
  groupRolePolicy,
  roleArn,
  type ApiStage,
  type PolicyDocument,
} from '../../../src/contract';
import type { IssuedCredentials } from '../iam/credentials';
import { evaluate } from '../iam/policy-evaluator';
import { GatewayResponse } from './gateway-response';
import type { IncomingRequest } from './incoming';
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
}

/** API Gateway shows the account in a denied resource masked to its last four digits. */
const maskAccount = (arn: string, accountId: string) =>
  arn.replace(`:${accountId}:`, `:********${accountId.slice(-4)}:`);

/**
 * `AWS_IAM` authorisation: the signature, then `execute-api:Invoke` on the request's ARN
 * against the caller's role policy, which is the document the CDK app attaches to that role.
 */
export class IamAuthorizer {
  private readonly policiesOf: (principalArn: string) => readonly PolicyDocument[];

  constructor(private readonly options: IamAuthorizerOptions) {
    const groupPolicies = new Map(
      GROUP_NAMES.map((group) => [
        roleArn(options.stage.accountId, group),
        [groupRolePolicy(group, options.stage)],
      ]),
    );
    this.policiesOf = options.policiesOf ?? ((arn) => groupPolicies.get(arn) ?? []);
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
    const { region, accountId, apiId, stage } = this.options.stage;
    const resource = `arn:aws:execute-api:${region}:${accountId}:${apiId}/${stage}/${request.method}${resourcePath}`;
    const decision = evaluate(this.policiesOf(caller.roleArn), 'execute-api:Invoke', resource);
    if (decision !== 'Allow') {
      throw new GatewayResponse(
        403,
        'AccessDeniedException',
        `User: ${caller.assumedRoleArn} is not authorized to perform: execute-api:Invoke on resource: ${maskAccount(resource, accountId)}${decision === 'ExplicitDeny' ? ' with an explicit deny' : ''}`,
        'Message',
      );
    }
    return caller;
  }
}
