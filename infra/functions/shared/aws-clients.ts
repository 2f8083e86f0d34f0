import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/*
 * One client per service for the life of the function instance, as Lambda reuses them across
 * invocations. Region, credentials and endpoints come from the SDK's standard environment
 * variables (`AWS_REGION`, `AWS_ENDPOINT_URL_DYNAMODB`, ...), so nothing here knows where it
 * runs.
 */
let documents: DynamoDBDocumentClient | undefined;
let cognito: CognitoIdentityProviderClient | undefined;

export function documentClient(): DynamoDBDocumentClient {
  documents ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return documents;
}

export function cognitoClient(): CognitoIdentityProviderClient {
  cognito ??= new CognitoIdentityProviderClient({});
  return cognito;
}
