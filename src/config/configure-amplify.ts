import { Amplify, type ResourcesConfig } from 'aws-amplify';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import type { CredentialsAndIdentityIdProvider } from '@aws-amplify/core';
import type { RuntimeConfig } from '@contract/runtime-config';
import { consoleRoleCredentials } from '../auth/roles/console-roles';

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

/**
 * Configures Amplify with Amplify's own token provider (tokens in its usual storage) and the
 * console's credentials provider, which chooses the role (`roles/`). Amplify only takes a
 * custom credentials provider together with a token provider, configured by hand.
 */
export function configureAmplify(
  config: RuntimeConfig,
  credentialsProvider: CredentialsAndIdentityIdProvider = consoleRoleCredentials,
): void {
  const resources = amplifyConfigFrom(config);
  cognitoUserPoolsTokenProvider.setAuthConfig(resources.Auth!);
  Amplify.configure(resources, {
    Auth: { tokenProvider: cognitoUserPoolsTokenProvider, credentialsProvider },
  });
}
