import type { OperationContext } from '../aws/json-service';
import type { IncomingRequest } from '../gateway/incoming';
import type { IssuedCredentials } from '../iam/credentials';
import type { ServiceRequestAuth } from '../iam/service-auth';

/** The name each JSON service on the edge is signed for (the SigV4 scope's service). */
const SIGNING_NAMES: Readonly<Record<string, string>> = {
  AWSCognitoIdentityProviderService: 'cognito-idp',
  AWSCognitoIdentityService: 'cognito-identity',
  secretsmanager: 'secretsmanager',
};

/**
 * What an operation on the edge may ask of its request: who signed it (verified once, when
 * the operation first asks) and whether their identity policy allows an action.
 */
export function operationContext(
  request: IncomingRequest,
  targetPrefix: string,
  operation: string,
  auth: ServiceRequestAuth,
): OperationContext {
  let caller: Promise<IssuedCredentials> | undefined;
  const authenticate = () =>
    (caller ??= auth.authenticate(request, SIGNING_NAMES[targetPrefix] ?? targetPrefix));
  return {
    headers: request.headers,
    sourceIp: request.sourceIp,
    operation,
    authenticate: async () => {
      await authenticate();
    },
    authorize: async (action, resource, shownAs) =>
      auth.authorize(await authenticate(), action, resource, shownAs),
  };
}
