import { Amplify, type ResourcesConfig } from 'aws-amplify';
import type { RuntimeConfig } from '@contract/runtime-config';

/** Amplify's Auth settings for a runtime config; endpoints are only passed when set (local stack). */
export function amplifyConfigFrom(config: RuntimeConfig): ResourcesConfig {
  return {
    Auth: {
      Cognito: {
        userPoolId: config.userPoolId,
        userPoolClientId: config.userPoolClientId,
        identityPoolId: config.identityPoolId,
        ...(config.userPoolEndpoint ? { userPoolEndpoint: config.userPoolEndpoint } : {}),
        ...(config.identityPoolEndpoint
          ? { identityPoolEndpoint: config.identityPoolEndpoint }
          : {}),
        loginWith: { email: true },
      },
    },
  };
}

export function configureAmplify(config: RuntimeConfig): void {
  Amplify.configure(amplifyConfigFrom(config));
}
