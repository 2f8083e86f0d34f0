import { join } from 'node:path';
import { writePrivateFile } from '../store/state-file';
import type { IssuedCredentials } from './credentials';

/**
 * The local account's administrator: an IAM user with AdministratorAccess and a long-term
 * access key, what a developer has for their own AWS account. Tests, the e2e operator, the AWS
 * CLI and scripts reach admin operations, secrets and DynamoDB with it, signed like any caller.
 */
export const OPERATOR_PROFILE = 'local-admin';
export const operatorUserArn = (accountId: string) =>
  `arn:aws:iam::${accountId}:user/${OPERATOR_PROFILE}`;

export const OPERATOR_FILES = { credentials: 'aws-credentials', config: 'aws-config' } as const;

export interface OperatorEndpoints {
  edge: string;
  dynamoDb: string;
}

/**
 * Writes the operator's key as an AWS shared credentials file and a config file whose profile
 * points every service at the local stack (the `services` section AWS's SDKs and CLI read), both
 * readable by their owner only: `AWS_SHARED_CREDENTIALS_FILE=… AWS_CONFIG_FILE=…
 * AWS_PROFILE=local-admin aws cognito-idp list-users --user-pool-id …`.
 */
export function writeOperatorProfile(
  stateDir: string,
  key: IssuedCredentials,
  region: string,
  endpoints: OperatorEndpoints,
): { credentialsFile: string; configFile: string } {
  const credentialsFile = join(stateDir, OPERATOR_FILES.credentials);
  const configFile = join(stateDir, OPERATOR_FILES.config);
  writePrivateFile(
    credentialsFile,
    `[${OPERATOR_PROFILE}]\naws_access_key_id = ${key.accessKeyId}\naws_secret_access_key = ${key.secretAccessKey}\n`,
  );
  writePrivateFile(
    configFile,
    [
      `[profile ${OPERATOR_PROFILE}]`,
      `region = ${region}`,
      'services = local-stack',
      '',
      '[services local-stack]',
      ...[
        ['cognito_identity_provider', endpoints.edge],
        ['cognito_identity', endpoints.edge],
        ['secrets_manager', endpoints.edge],
        ['dynamodb', endpoints.dynamoDb],
      ].flatMap(([service, url]) => [`${service} =`, `  endpoint_url = ${url}`]),
      '',
    ].join('\n'),
  );
  return { credentialsFile, configFile };
}
