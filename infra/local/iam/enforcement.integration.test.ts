import { statSync } from 'node:fs';
import {
  DynamoDBClient,
  ListTablesCommand,
  QueryCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import {
  CognitoIdentityProviderClient,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity } from '@smithy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTableNames } from '../dynamodb/dynalite';
import { functionRoleArn } from '../lambda/function-roles';
import { OPERATOR_PROFILE } from './operator';
import { OPS_TOKEN_SECRET_NAME } from '../stack';
import { SEEDED_ADMIN, SEEDED_USER, signIn } from '../testing/callers';
import { startTestStack, type TestStack } from '../testing/test-stack';

const REGION = 'ap-northeast-1';
const ACCOUNT = '000000000000';
/** AWS's documentation example key: never issued by anyone. */
const MADE_UP: AwsCredentialIdentity = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

/** What each service answered, as the unmodified SDK reports it. */
async function refusal(call: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await call;
  } catch (error) {
    const { name, message } = error as Error;
    return { name, message };
  }
  throw new Error('the call was allowed');
}

/**
 * The local stack verifies every signed AWS call (cognito-idp's admin operations, Secrets
 * Manager, DynamoDB) against credentials it issued and the caller's identity policy, as AWS
 * does: a made-up key, or the console's group roles (which may only invoke the admin API),
 * get each service's own refusal.
 */
describe('AWS calls at the edge and at DynamoDB', () => {
  let stack: TestStack;
  const clients: Array<{ destroy(): void }> = [];

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await stack.stop();
  });

  /** The three services, each signed with `credentials`, through the unmodified SDK. */
  function callsAs(credentials: AwsCredentialIdentity) {
    const config = { region: REGION, credentials, maxAttempts: 1 };
    const idp = new CognitoIdentityProviderClient({ ...config, endpoint: stack.edgeUrl });
    const secrets = new SecretsManagerClient({ ...config, endpoint: stack.edgeUrl });
    const dynamo = new DynamoDBClient({ ...config, endpoint: stack.dynamoDbUrl });
    clients.push(idp, secrets, dynamo);
    return {
      listUsers: () => idp.send(new ListUsersCommand({ UserPoolId: stack.userPool.id })),
      readOpsToken: () =>
        secrets.send(new GetSecretValueCommand({ SecretId: OPS_TOKEN_SECRET_NAME })),
      readAudit: () =>
        dynamo.send(
          new QueryCommand({
            TableName: localTableNames().audit,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': { S: 'AUDIT' } },
          }),
        ),
      scanProfiles: () => dynamo.send(new ScanCommand({ TableName: localTableNames().profiles })),
    };
  }

  const userPoolArn = () =>
    `arn:aws:cognito-idp:${REGION}:${ACCOUNT}:userpool/${stack.userPool.id}`;
  const denied = (caller: string, action: string, resource: string) => ({
    name: 'AccessDeniedException',
    message: `User: ${caller} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`,
  });
  const invalidToken = {
    name: 'UnrecognizedClientException',
    message: 'The security token included in the request is invalid.',
  };

  it('refuses a made-up key at each service as AWS does', async () => {
    const calls = callsAs(MADE_UP);
    expect(await refusal(calls.listUsers())).toEqual(invalidToken);
    expect(await refusal(calls.readOpsToken())).toEqual(invalidToken);
    expect(await refusal(calls.readAudit())).toEqual(invalidToken);
  });

  it('refuses a real key signed with the wrong secret', async () => {
    const calls = callsAs({ ...stack.operator, secretAccessKey: MADE_UP.secretAccessKey });
    const answer = await refusal(calls.listUsers());
    expect(answer.name).toBe('InvalidSignatureException');
    expect(answer.message).toMatch(/^The request signature we calculated does not match/);
  });

  it.each([
    ['general', SEEDED_USER, 'ConsoleGeneralRole'],
    ['admin', SEEDED_ADMIN, 'ConsoleAdminRole'],
  ] as const)(
    "refuses the %s group role's identity-pool credentials: it may only invoke the admin API",
    async (_group, person, role) => {
      const signedIn = await signIn(stack, person);
      const calls = callsAs(signedIn.credentials);
      const caller = `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/CognitoIdentityCredentials`;
      expect(await refusal(calls.listUsers())).toEqual(
        denied(caller, 'cognito-idp:ListUsers', userPoolArn()),
      );
      expect(await refusal(calls.readOpsToken())).toEqual(
        denied(caller, 'secretsmanager:GetSecretValue', OPS_TOKEN_SECRET_NAME),
      );
      expect(await refusal(calls.readAudit())).toEqual(
        denied(
          caller,
          'dynamodb:Query',
          `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${localTableNames().audit}`,
        ),
      );
    },
  );

  it("lets each function's role do what its policy allows and nothing else", async () => {
    const issue = (name: 'ops-authorizer' | 'general') =>
      stack.credentials.issue({
        roleArn: functionRoleArn(ACCOUNT, name),
        sessionName: name,
        lifetimeSeconds: 900,
      });
    const authorizer = callsAs(issue('ops-authorizer'));
    await expect(authorizer.readOpsToken()).resolves.toMatchObject({ Name: OPS_TOKEN_SECRET_NAME });
    const authorizerRole = `arn:aws:sts::${ACCOUNT}:assumed-role/console-ops-authorizer-function/ops-authorizer`;
    expect(await refusal(authorizer.listUsers())).toEqual(
      denied(authorizerRole, 'cognito-idp:ListUsers', userPoolArn()),
    );
    // The general function reads profiles one by one; it may not scan the table.
    const general = callsAs(issue('general'));
    expect(await refusal(general.scanProfiles())).toEqual(
      denied(
        `arn:aws:sts::${ACCOUNT}:assumed-role/console-general-function/general`,
        'dynamodb:Scan',
        `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${localTableNames().profiles}`,
      ),
    );
  });

  it("lets the account's administrator (the operator key) do everything", async () => {
    const calls = callsAs(stack.operator);
    await expect(calls.listUsers()).resolves.toMatchObject({ Users: expect.any(Array) });
    await expect(calls.readOpsToken()).resolves.toMatchObject({ Name: OPS_TOKEN_SECRET_NAME });
    await expect(calls.readAudit()).resolves.toMatchObject({ Items: [] });
  });

  it('gives the AWS CLI and SDKs a profile that reaches the local services with the operator key', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_SHARED_CREDENTIALS_FILE: stack.operatorFiles.credentialsFile,
      AWS_CONFIG_FILE: stack.operatorFiles.configFile,
      AWS_PROFILE: OPERATOR_PROFILE,
    });
    try {
      // No endpoint, region or credentials in code: all from the profile, as the CLI reads it.
      const idp = new CognitoIdentityProviderClient({});
      const dynamo = new DynamoDBClient({});
      clients.push(idp, dynamo);
      await expect(
        idp.send(new ListUsersCommand({ UserPoolId: stack.userPool.id })),
      ).resolves.toMatchObject({ Users: expect.any(Array) });
      await expect(dynamo.send(new ListTablesCommand({}))).resolves.toMatchObject({
        TableNames: expect.arrayContaining([localTableNames().audit]),
      });
    } finally {
      process.env = saved;
    }
    expect(statSync(stack.operatorFiles.credentialsFile).mode & 0o777).toBe(0o600);
  });

  /** A DynamoDB call signed by hand, to send what the SDK never would. */
  async function rawDynamoDb(credentials: AwsCredentialIdentity, target: string, input: unknown) {
    const url = new URL(stack.dynamoDbUrl);
    const body = JSON.stringify(input);
    const signed = await new SignatureV4({
      credentials,
      region: REGION,
      service: 'dynamodb',
      sha256: Sha256,
    }).sign(
      new HttpRequest({
        method: 'POST',
        protocol: 'http:',
        hostname: url.hostname,
        port: Number(url.port),
        path: '/',
        headers: {
          host: url.host,
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': target,
        },
        body,
      }),
    );
    const response = await fetch(stack.dynamoDbUrl, {
      method: 'POST',
      headers: signed.headers,
      body,
    });
    return { status: response.status, body: (await response.json()) as Record<string, string> };
  }

  it("refuses DynamoDB's older API version, which IAM would not let past either", async () => {
    const user = await signIn(stack, SEEDED_USER);
    const answer = await rawDynamoDb(user.credentials, 'DynamoDB_20111205.Scan', {
      TableName: localTableNames().audit,
    });
    expect(answer).toEqual({
      status: 400,
      body: { __type: 'com.amazon.coral.service#UnknownOperationException' },
    });
  });

  it('checks a tag operation on the table its ARN names', async () => {
    const user = await signIn(stack, SEEDED_USER);
    const arn = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${localTableNames().audit}`;
    const answer = await rawDynamoDb(user.credentials, 'DynamoDB_20120810.ListTagsOfResource', {
      ResourceArn: arn,
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      __type: 'com.amazon.coral.service#AccessDeniedException',
      Message: denied(
        `arn:aws:sts::${ACCOUNT}:assumed-role/ConsoleGeneralRole/CognitoIdentityCredentials`,
        'dynamodb:ListTagsOfResource',
        arn,
      ).message,
    });
  });

  it('keeps dynalite itself off the network: a socket in the private state directory', () => {
    expect(stack.dynaliteSocketPath.startsWith(stack.settings.stateDir)).toBe(true);
    expect(statSync(stack.settings.stateDir).mode & 0o777).toBe(0o700);
  });

  it("refuses an unsigned DynamoDB call in DynamoDB's words", async () => {
    const response = await fetch(stack.dynamoDbUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'DynamoDB_20120810.ListTables',
      },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      __type: 'com.amazon.coral.service#MissingAuthenticationTokenException',
      message: 'Request is missing Authentication Token',
    });
  });

  it('refuses expired credentials as expired', async () => {
    const expiring = stack.credentials.issue({
      roleArn: functionRoleArn(ACCOUNT, 'ops'),
      sessionName: 'ops',
      lifetimeSeconds: 60,
    });
    await stack.clock.during(61_000, async () => {
      // Signed at the stack's time, so only the expiry is wrong.
      const calls = callsAs(expiring);
      const answer = await refusal(calls.readAudit());
      expect(answer).toEqual({
        name: 'ExpiredTokenException',
        message: 'The security token included in the request is expired',
      });
    });
  });

  it("keeps the functions working when the stack's clock is ahead: the SDK corrects its skew", async () => {
    await stack.clock.during(10 * 60 * 1000, async () => {
      const token = stack.secrets.get(OPS_TOKEN_SECRET_NAME).value;
      const response = await fetch(`${stack.apiUrls.ops}/ops/stats`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
    });
  });
});
