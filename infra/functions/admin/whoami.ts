import type { RouteHandlers } from '../shared/rest-handler';
import { callerUsername } from './caller';

export const whoamiHandlers: Pick<RouteHandlers<'admin'>, 'whoami'> = {
  /** The caller exactly as API Gateway's IAM authorisation saw it. */
  whoami: async (_request, event) => {
    const identity = event.requestContext.identity;
    return {
      identityId: identity.cognitoIdentityId ?? null,
      callerArn: identity.userArn ?? null,
      accessKeyId: identity.accessKey ?? null,
      username: callerUsername(event),
      sourceIp: identity.sourceIp,
      credentialExpiry: null,
    };
  },
};
