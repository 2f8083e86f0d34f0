import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_ADMIN, SEEDED_USER } from '../testing/callers';
import { startTestStack, type TestStack } from '../testing/test-stack';
import { MAX_QUOTA_RPS, QUOTA_CATEGORIES } from './request-quotas';

/*
 * Arbitrary requests to the AWS edge (cognito-idp, cognito-identity and secretsmanager, JSON 1.1
 * by X-Amz-Target): whatever the target, content type and body, the answer comes promptly and
 * is either a success or a 4xx that AWS's SDKs can parse: `{"__type", "message"}` with the
 * same type in `x-amzn-ErrorType`. Never a 5xx, never a hang.
 */

const RUNS = { numRuns: 300, seed: 8 };
/** Far above any answer's time, so only a hang trips it. */
const HANG_MS = 10_000;

/** The error types these services answer with in AWS (their API references' error lists). */
const AWS_ERROR_TYPES = new Set([
  'AccessDeniedException',
  'AliasExistsException',
  'CodeMismatchException',
  'ExpiredCodeException',
  'IncompleteSignatureException',
  'InvalidParameterException',
  'InvalidSignatureException',
  'InvalidPasswordException',
  'LimitExceededException',
  'MissingAuthenticationTokenException',
  'NotAuthorizedException',
  'PasswordResetRequiredException',
  'ResourceNotFoundException',
  'SerializationException',
  // Past a request-rate quota (cognito-idp): ListGroups and GetGroup stay at 5 a second.
  'TooManyRequestsException',
  'UnauthorizedException',
  'UnrecognizedClientException',
  'UnknownOperationException',
  'UnsupportedUserStateException',
  'UserNotFoundException',
  'UsernameExistsException',
]);

/** The members each operation reads (responses.ts and the services' schemas). */
const OPERATION_MEMBERS: Record<string, string[]> = {
  'AWSCognitoIdentityProviderService.InitiateAuth': ['ClientId', 'AuthFlow', 'AuthParameters'],
  'AWSCognitoIdentityProviderService.RespondToAuthChallenge': [
    'ClientId',
    'ChallengeName',
    'ChallengeResponses',
    'Session',
  ],
  'AWSCognitoIdentityProviderService.GetTokensFromRefreshToken': ['ClientId', 'RefreshToken'],
  'AWSCognitoIdentityProviderService.GetUser': ['AccessToken'],
  'AWSCognitoIdentityProviderService.ChangePassword': [
    'AccessToken',
    'PreviousPassword',
    'ProposedPassword',
  ],
  'AWSCognitoIdentityProviderService.GlobalSignOut': ['AccessToken'],
  'AWSCognitoIdentityProviderService.UpdateUserAttributes': ['AccessToken', 'UserAttributes'],
  'AWSCognitoIdentityProviderService.RevokeToken': ['ClientId', 'Token'],
  'AWSCognitoIdentityProviderService.ForgotPassword': ['ClientId', 'Username'],
  'AWSCognitoIdentityProviderService.ConfirmForgotPassword': [
    'ClientId',
    'Username',
    'ConfirmationCode',
    'Password',
  ],
  'AWSCognitoIdentityProviderService.AdminCreateUser': [
    'UserPoolId',
    'Username',
    'UserAttributes',
    'TemporaryPassword',
    'MessageAction',
    'DesiredDeliveryMediums',
  ],
  ...Object.fromEntries(
    [
      'AdminGetUser',
      'AdminDeleteUser',
      'AdminDisableUser',
      'AdminEnableUser',
      'AdminResetUserPassword',
      'AdminUserGlobalSignOut',
    ].map((op) => [`AWSCognitoIdentityProviderService.${op}`, ['UserPoolId', 'Username']]),
  ),
  'AWSCognitoIdentityProviderService.AdminSetUserPassword': [
    'UserPoolId',
    'Username',
    'Password',
    'Permanent',
  ],
  'AWSCognitoIdentityProviderService.AdminUpdateUserAttributes': [
    'UserPoolId',
    'Username',
    'UserAttributes',
  ],
  'AWSCognitoIdentityProviderService.AdminAddUserToGroup': ['UserPoolId', 'Username', 'GroupName'],
  'AWSCognitoIdentityProviderService.AdminRemoveUserFromGroup': [
    'UserPoolId',
    'Username',
    'GroupName',
  ],
  'AWSCognitoIdentityProviderService.AdminListGroupsForUser': [
    'UserPoolId',
    'Username',
    'Limit',
    'NextToken',
  ],
  'AWSCognitoIdentityProviderService.ListUsers': [
    'UserPoolId',
    'Limit',
    'PaginationToken',
    'Filter',
    'AttributesToGet',
  ],
  'AWSCognitoIdentityProviderService.ListGroups': ['UserPoolId', 'Limit', 'NextToken'],
  'AWSCognitoIdentityProviderService.GetGroup': ['UserPoolId', 'GroupName'],
  'AWSCognitoIdentityProviderService.ListUsersInGroup': [
    'UserPoolId',
    'GroupName',
    'Limit',
    'NextToken',
  ],
  'AWSCognitoIdentityService.GetId': ['IdentityPoolId', 'Logins'],
  'AWSCognitoIdentityService.GetCredentialsForIdentity': ['IdentityId', 'Logins', 'CustomRoleArn'],
  'secretsmanager.GetSecretValue': ['SecretId'],
};
const TARGETS = Object.keys(OPERATION_MEMBERS);

/** Names every plain object has: a lookup by them must find nothing. */
const OBJECT_KEYS = ['__proto__', 'constructor', 'valueOf', 'toString', 'hasOwnProperty'];

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  // What is tested is each operation's answer, not Cognito's rates (request-quotas tests):
  // raised, as a Service Quotas increase would, so the runs reach the operations themselves.
  stack.userPoolQuotas.set(
    Object.fromEntries(QUOTA_CATEGORIES.map((category) => [category, MAX_QUOTA_RPS])),
  );
});
afterAll(() => stack.stop());

const text = fc.oneof(
  fc.constantFrom(...OBJECT_KEYS),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
/** Mostly `likely`, sometimes anything: deep enough to reach the model, hostile enough to matter. */
const mostly = (likely: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { arbitrary: likely, weight: 6 },
    { arbitrary: text, weight: 2 },
    { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
const lazy = (value: () => string) => fc.constant(null).map(value);
const username = fc.oneof(
  fc.constantFrom(SEEDED_ADMIN.email, SEEDED_USER.email, 'ADMIN@example.com', 'nobody@example.com'),
  fc.constantFrom(...OBJECT_KEYS),
  lazy(() => stack.userPool.findUser(SEEDED_USER.email)?.username ?? ''),
);
const password = fc.constantFrom(
  SEEDED_ADMIN.password,
  SEEDED_USER.password,
  'Wrong-Passw0rd!',
  'x',
);
const hexA = fc.oneof(fc.stringMatching(/^[0-9a-f]{1,800}$/), fc.constantFrom('0', '00', 'ff'));
const pageToken = fc.oneof(
  fc.base64String(),
  fc
    .oneof(fc.jsonValue(), fc.record({ after: fc.jsonValue() }))
    .map((value) => Buffer.from(JSON.stringify(value)).toString('base64url')),
);
const attributeList = fc.array(
  fc.record({
    Name: mostly(fc.constantFrom('email', 'name', 'sub', 'custom:x', ...OBJECT_KEYS)),
    Value: mostly(fc.string()),
  }),
  { maxLength: 3 },
);
const MEMBER_VALUES: Record<string, fc.Arbitrary<unknown>> = {
  ClientId: mostly(lazy(() => stack.userPool.clientId)),
  UserPoolId: mostly(lazy(() => stack.userPool.id)),
  IdentityPoolId: mostly(lazy(() => stack.identityPool.id)),
  AuthFlow: mostly(
    fc.constantFrom('USER_PASSWORD_AUTH', 'USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH', 'CUSTOM_AUTH'),
  ),
  AuthParameters: mostly(
    fc.record(
      {
        USERNAME: mostly(username),
        PASSWORD: mostly(password),
        SRP_A: mostly(hexA),
        REFRESH_TOKEN: text,
      },
      { requiredKeys: [] },
    ),
  ),
  ChallengeName: mostly(fc.constantFrom('PASSWORD_VERIFIER', 'NEW_PASSWORD_REQUIRED', 'SMS_MFA')),
  ChallengeResponses: mostly(
    fc.record(
      {
        USERNAME: mostly(username),
        PASSWORD_CLAIM_SECRET_BLOCK: mostly(fc.base64String()),
        PASSWORD_CLAIM_SIGNATURE: mostly(fc.base64String()),
        TIMESTAMP: mostly(fc.constantFrom('Tue Nov 21 8:42:07 UTC 2026', 'now')),
        NEW_PASSWORD: mostly(password),
      },
      { requiredKeys: [] },
    ),
  ),
  Session: text,
  RefreshToken: text,
  Token: text,
  AccessToken: mostly(fc.constantFrom('eyJhbGciOiJSUzI1NiJ9.e30.c2ln', 'a.b.c', '')),
  PreviousPassword: mostly(password),
  ProposedPassword: mostly(password),
  Password: mostly(password),
  TemporaryPassword: mostly(password),
  UserAttributes: mostly(attributeList),
  Username: mostly(username),
  ConfirmationCode: mostly(fc.stringMatching(/^\d{6}$/)),
  MessageAction: mostly(fc.constantFrom('SUPPRESS', 'RESEND')),
  DesiredDeliveryMediums: mostly(fc.constantFrom(['EMAIL'], ['SMS'], ['FAX'])),
  Permanent: mostly(fc.boolean()),
  GroupName: mostly(fc.constantFrom('admin', 'general', ...OBJECT_KEYS)),
  Limit: mostly(fc.oneof(fc.integer({ min: -1, max: 61 }), fc.constantFrom(1.5, 1e308))),
  NextToken: mostly(pageToken),
  PaginationToken: mostly(pageToken),
  Filter: mostly(
    fc.oneof(
      fc.constantFrom('email ^= "a"', 'status = "Enabled"', 'cognito:user_status = "x"', 'sub = "'),
      fc.constantFrom(...OBJECT_KEYS).map((key) => `${key} = "x"`),
    ),
  ),
  AttributesToGet: mostly(fc.array(fc.constantFrom('email', 'sub', ...OBJECT_KEYS))),
  IdentityId: mostly(fc.constantFrom('ap-northeast-1:00000000-0000-0000-0000-000000000000')),
  Logins: mostly(
    fc.dictionary(fc.oneof(fc.constantFrom(...OBJECT_KEYS), text), fc.constantFrom('a.b.c', '')),
  ),
  CustomRoleArn: text,
  SecretId: mostly(fc.constantFrom('console/ops-token', ...OBJECT_KEYS)),
};

/** An operation's members, mostly plausible; `undefined` members are left out by JSON. */
const operationBody = (target: string) =>
  fc
    .record(Object.fromEntries(OPERATION_MEMBERS[target]!.map((m) => [m, MEMBER_VALUES[m]!])))
    .map((members) => JSON.stringify(members));

const request = fc.oneof(
  // A known operation with its own members
  {
    weight: 6,
    arbitrary: fc
      .constantFrom(...TARGETS)
      .chain((t) => fc.tuple(fc.constant<string | undefined>(t), operationBody(t))),
  },
  // Anything at all as the body, to any target
  {
    weight: 3,
    arbitrary: fc.tuple(
      fc.oneof(
        fc.constantFrom(...TARGETS),
        fc.constantFrom(...TARGETS).map((t) => t.toLowerCase()),
        fc.constantFrom(...OBJECT_KEYS).map((key) => `AWSCognitoIdentityProviderService.${key}`),
        fc.stringMatching(/^[\x21-\x7e]{0,60}$/),
        fc.constant(undefined),
      ),
      fc.oneof(
        fc.json({ maxDepth: 4 }),
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.constantFrom(
          '',
          '{',
          '{"ClientId":',
          'null',
          '[]',
          '"x"',
          '{"__proto__":{"ClientId":"x"}}',
        ),
        fc.constant('['.repeat(10_000)),
      ),
    ),
  },
);
const contentType = fc.option(
  fc.oneof(
    fc.constantFrom(
      'application/x-amz-json-1.1',
      'application/json',
      'text/plain',
      'multipart/form-data',
    ),
    fc.stringMatching(/^[\x20-\x7e]{0,40}$/),
  ),
  { nil: undefined },
);
/** Admin operations need a signature the stack verifies; half the requests carry a forged one. */
const authorization = fc.option(
  fc.constantFrom(
    `AWS4-HMAC-SHA256 Credential=AKIAEXAMPLELOCALPROP/20261121/ap-northeast-1/cognito-idp/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
    'Bearer x',
  ),
  { nil: undefined },
);

describe('the AWS edge under arbitrary requests', () => {
  it('answers every request promptly with a success or a parseable 4xx AWS error, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(request, contentType, authorization, async ([target, text], type, auth) => {
        const headers: Record<string, string> = {};
        if (target !== undefined) headers['x-amz-target'] = target;
        if (type !== undefined) headers['content-type'] = type;
        if (auth !== undefined) headers.authorization = auth;
        const response = await fetch(`${stack.edgeUrl}/`, {
          method: 'POST',
          headers,
          body: text,
          signal: AbortSignal.timeout(HANG_MS),
        });
        const answer = await response.text();
        expect(response.status, answer).toBeLessThan(500);
        expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
        const parsed: unknown = JSON.parse(answer);
        expect(parsed).toBeTypeOf('object');
        if (response.status === 200) return;
        expect(response.status).toBe(400);
        const error = parsed as { __type?: unknown; message?: unknown };
        expect(AWS_ERROR_TYPES, JSON.stringify(error)).toContain(error.__type);
        expect(error.message).toBeTypeOf('string');
        expect(response.headers.get('x-amzn-errortype')).toBe(`${String(error.__type)}:`);
      }),
      RUNS,
    );
  });
});
