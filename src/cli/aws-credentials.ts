import {
  fromIni,
  fromNodeProviderChain,
  fromTemporaryCredentials,
} from '@aws-sdk/credential-providers';
import type { CredentialsSource } from '../api/credentials-cache';

/**
 * Ordinary AWS credentials: a profile (SSO included) or the default chain (environment,
 * shared files, SSO, container and instance roles), optionally used to assume a role first.
 */
export function awsCredentials(options: {
  profile?: string;
  roleArn?: string;
  region: string;
}): CredentialsSource {
  const base = options.profile ? fromIni({ profile: options.profile }) : fromNodeProviderChain();
  const provider = options.roleArn
    ? fromTemporaryCredentials({
        masterCredentials: base,
        params: { RoleArn: options.roleArn, RoleSessionName: 'console-api' },
        clientConfig: { region: options.region },
      })
    : base;
  return async ({ forceRefresh }) => {
    const identity = await provider({ forceRefresh });
    return {
      accessKeyId: identity.accessKeyId,
      secretAccessKey: identity.secretAccessKey,
      sessionToken: identity.sessionToken,
      expiration: identity.expiration,
    };
  };
}
