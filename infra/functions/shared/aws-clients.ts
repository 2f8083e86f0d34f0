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

/**
 * DynamoDB answers single-item and page reads in milliseconds; a store that does not connect
 * within 1 s or answer within 2 s is down for this request. With the SDK's 3 attempts a caller
 * hears so (503) within about 6 s, well inside API Gateway's 29 s, instead of waiting on a
 * socket with no timeout (the SDK's default) until the integration times out.
 */
const DYNAMODB_TIMEOUTS = {
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000, throwOnRequestTimeout: true },
};

export function documentClient(): DynamoDBDocumentClient {
  documents ??= DynamoDBDocumentClient.from(new DynamoDBClient(DYNAMODB_TIMEOUTS), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return documents;
}

export function cognitoClient(): CognitoIdentityProviderClient {
  cognito ??= new CognitoIdentityProviderClient({});
  return cognito;
}
