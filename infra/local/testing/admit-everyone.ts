import type { IamAuthorizer } from '../gateway/iam-authorizer';
import type { IssuedCredentials } from '../iam/credentials';

/**
 * An `AWS_IAM` authoriser that admits every request as `caller`, reading neither signature
 * nor policy. Benchmarks and tests give it to a REST API server they build themselves with
 * `createRestApiServer`, for a server that differs from the stack's by authorisation alone
 * (an unsigned baseline, a call that must reach the function); the local stack never uses it.
 */
export function admitEveryoneAs(caller: IssuedCredentials): Pick<IamAuthorizer, 'authorize'> {
  return { authorize: async () => caller };
}
