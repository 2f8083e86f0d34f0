import { AwsError } from '../aws/errors';
import { GatewayAuthError, verifySigV4, type SignedRequest } from '../gateway/sigv4-verifier';
import { accessDeniedMessage, type LocalAccount } from './account';
import type { IssuedCredentials } from './credentials';

export interface ServiceAuthOptions {
  region: string;
  now: () => number;
  findCredentials: (accessKeyId: string) => IssuedCredentials | undefined;
  account: LocalAccount;
}

/**
 * How an AWS service (cognito-idp's admin operations, Secrets Manager, DynamoDB) checks a
 * request: the SigV4 signature against credentials the local stack issued (the verifier API
 * Gateway's IAM authorisation uses), then the caller's identity policy for the action on the
 * resource. Refusals are the services' own: HTTP 400 with AWS's error code and message.
 */
export class ServiceRequestAuth {
  constructor(private readonly options: ServiceAuthOptions) {}

  async authenticate(
    request: SignedRequest,
    service: string,
    { clockSkewMinutes }: { clockSkewMinutes?: number } = {},
  ): Promise<IssuedCredentials> {
    try {
      return await verifySigV4(request, {
        region: this.options.region,
        service,
        now: this.options.now,
        findCredentials: this.options.findCredentials,
        clockSkewMinutes,
      });
    } catch (error) {
      if (error instanceof GatewayAuthError) throw new AwsError(error.errorType, error.message);
      throw error;
    }
  }

  /**
   * `shownAs`: how the refusal names the resource, when the service words it otherwise than
   * its ARN (Secrets Manager names the `SecretId` as the caller gave it).
   */
  authorize(
    caller: IssuedCredentials,
    action: string,
    resource: string,
    shownAs: string = resource,
  ): void {
    const decision = this.options.account.decide(caller, action, resource);
    if (decision !== 'Allow') {
      throw new AwsError(
        'AccessDeniedException',
        accessDeniedMessage(caller, action, shownAs, decision),
      );
    }
  }
}
