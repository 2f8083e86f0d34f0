import { GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleArn } from '@contract';
import { expectAwsError } from '../testing/aws-assertions';
import { loginsFor } from '../testing/callers';
import { srpSignIn } from '../testing/srp-client';
import { startTestStack, type TestStack } from '../testing/test-stack';

const ADMIN = { email: 'admin@example.com', password: 'Admin-Passw0rd!' };
const USER = { email: 'user@example.com', password: 'User-Passw0rd!' };

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

const signIn = (email: string, password: string) =>
  srpSignIn(stack.idp, {
    userPoolId: stack.userPool.id,
    clientId: stack.userPool.clientId,
    username: email,
    password,
  });

async function idTokenOf(email: string, password: string): Promise<string> {
  return (await signIn(email, password)).AuthenticationResult!.IdToken!;
}

async function identityOf(idToken: string): Promise<string> {
  const { IdentityId } = await stack.identity.send(
    new GetIdCommand({ IdentityPoolId: stack.identityPool.id, Logins: loginsFor(idToken) }),
  );
  return IdentityId!;
}

const credentialsFor = (
  identityId: string,
  logins: Record<string, string>,
  customRoleArn?: string,
) =>
  stack.identity.send(
    new GetCredentialsForIdentityCommand({
      IdentityId: identityId,
      Logins: logins,
      CustomRoleArn: customRoleArn,
    }),
  );

/** Rewrites claims in a token's payload and keeps its original signature. */
function tamper(token: string, change: (claims: Record<string, unknown>) => void): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
  change(claims);
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

describe('GetId', () => {
  it("returns one stable identity id per user, shaped like AWS's", async () => {
    const admin = await idTokenOf(ADMIN.email, ADMIN.password);
    const first = await identityOf(admin);
    expect(first).toMatch(/^ap-northeast-1:[0-9a-f-]{36}$/);
    expect(await identityOf(await idTokenOf(ADMIN.email, ADMIN.password))).toBe(first);
    expect(await identityOf(await idTokenOf(USER.email, USER.password))).not.toBe(first);
  });

  it('accepts the AWS provider name as the Logins key too', async () => {
    const token = await idTokenOf(USER.email, USER.password);
    const providerName = `cognito-idp.ap-northeast-1.amazonaws.com/${stack.userPool.id}`;
    const { IdentityId } = await stack.identity.send(
      new GetIdCommand({
        IdentityPoolId: stack.identityPool.id,
        Logins: { [providerName]: token },
      }),
    );
    expect(IdentityId).toBe(await identityOf(token));
  });

  it('has no guest access and names an unknown pool', async () => {
    await expectAwsError(
      stack.identity.send(new GetIdCommand({ IdentityPoolId: stack.identityPool.id })),
      'NotAuthorizedException',
      'Unauthenticated access is not supported for this identity pool.',
    );
    await expectAwsError(
      stack.identity.send(
        new GetIdCommand({ IdentityPoolId: 'ap-northeast-1:00000000-0000-0000-0000-000000000000' }),
      ),
      'ResourceNotFoundException',
      "IdentityPool 'ap-northeast-1:00000000-0000-0000-0000-000000000000' not found.",
    );
  });
});

describe('GetCredentialsForIdentity', () => {
  it("issues STS-shaped temporary credentials for the role of the user's group", async () => {
    for (const [who, group] of [
      [ADMIN, 'admin'],
      [USER, 'general'],
    ] as const) {
      const token = await idTokenOf(who.email, who.password);
      const identityId = await identityOf(token);
      const { Credentials, IdentityId } = await credentialsFor(identityId, loginsFor(token));
      expect(IdentityId).toBe(identityId);
      expect(Credentials!.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
      expect(Credentials!.SecretKey).toHaveLength(40);
      expect(Credentials!.SessionToken!.length).toBeGreaterThan(100);
      const lifetime = Credentials!.Expiration!.getTime() - stack.clock.now();
      expect(lifetime).toBeGreaterThan(3590_000);
      expect(lifetime).toBeLessThanOrEqual(3600_000);
      const recorded = stack.credentials.find(Credentials!.AccessKeyId!);
      expect(recorded).toMatchObject({ roleArn: roleArn('000000000000', group), identityId });
      expect(recorded!.assumedRoleArn).toBe(
        `arn:aws:sts::000000000000:assumed-role/${roleArn('000000000000', group).split('/')[1]}/CognitoIdentityCredentials`,
      );
    }
  });

  it('refuses an ID token whose role or groups were changed after signing', async () => {
    const token = await idTokenOf(USER.email, USER.password);
    const identityId = await identityOf(token);
    const escalatedRole = tamper(token, (c) => {
      c['cognito:preferred_role'] = roleArn('000000000000', 'admin');
      c['cognito:roles'] = [roleArn('000000000000', 'admin')];
    });
    const escalatedGroups = tamper(token, (c) => {
      c['cognito:groups'] = ['admin', 'general'];
    });
    for (const forged of [escalatedRole, escalatedGroups]) {
      await expectAwsError(
        credentialsFor(identityId, loginsFor(forged)),
        'NotAuthorizedException',
        "Invalid login token. Couldn't verify signed token.",
      );
      await expectAwsError(
        stack.identity.send(
          new GetIdCommand({ IdentityPoolId: stack.identityPool.id, Logins: loginsFor(forged) }),
        ),
        'NotAuthorizedException',
        "Invalid login token. Couldn't verify signed token.",
      );
    }
  });

  it("refuses an expired ID token, an access token and another user's token", async () => {
    const token = await idTokenOf(USER.email, USER.password);
    const identityId = await identityOf(token);
    await stack.clock.during(3601_000, () =>
      expectAwsError(
        credentialsFor(identityId, loginsFor(token)),
        'NotAuthorizedException',
        /^Invalid login token\. Token expired: \d+ >= \d+$/,
      ),
    );
    const signedIn = await signIn(USER.email, USER.password);
    await expectAwsError(
      credentialsFor(identityId, loginsFor(signedIn.AuthenticationResult!.AccessToken!)),
      'NotAuthorizedException',
      'Invalid login token. Missing a required claim: aud',
    );
    const adminToken = await idTokenOf(ADMIN.email, ADMIN.password);
    await expectAwsError(
      credentialsFor(identityId, loginsFor(adminToken)),
      'NotAuthorizedException',
      "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    );
    await expectAwsError(
      credentialsFor(identityId, {}),
      'NotAuthorizedException',
      /^Logins don't match/,
    );
    await expectAwsError(
      credentialsFor('ap-northeast-1:00000000-0000-0000-0000-000000000000', loginsFor(token)),
      'ResourceNotFoundException',
    );
  });

  it("honours a CustomRoleArn only when it is one of the token's roles", async () => {
    const token = await idTokenOf(ADMIN.email, ADMIN.password);
    const identityId = await identityOf(token);
    const general = roleArn('000000000000', 'general');
    const { Credentials } = await credentialsFor(identityId, loginsFor(token), general);
    expect(stack.credentials.find(Credentials!.AccessKeyId!)?.roleArn).toBe(general);

    const userToken = await idTokenOf(USER.email, USER.password);
    await expectAwsError(
      credentialsFor(
        await identityOf(userToken),
        loginsFor(userToken),
        roleArn('000000000000', 'admin'),
      ),
      'InvalidParameterException',
    );
  });

  it('denies a user whose token maps to no role (ambiguous → Deny)', async () => {
    await stack.idp.send(
      new AdminCreateUserCommand({
        UserPoolId: stack.userPool.id,
        Username: 'nogroup@example.com',
        MessageAction: 'SUPPRESS',
      }),
    );
    await stack.idp.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: stack.userPool.id,
        Username: 'nogroup@example.com',
        Password: 'No-Group-1!',
        Permanent: true,
      }),
    );
    const token = await idTokenOf('nogroup@example.com', 'No-Group-1!');
    await expectAwsError(
      credentialsFor(await identityOf(token), loginsFor(token)),
      'NotAuthorizedException',
      `The ambiguous role mapping rules for: cognito-idp.ap-northeast-1.amazonaws.com/${stack.userPool.id} denied this request.`,
    );
  });
});

describe('/_local/credentials/expire', () => {
  it('expires every live credential of one identity now', async () => {
    const email = 'expiring@example.com';
    await stack.idp.send(
      new AdminCreateUserCommand({
        UserPoolId: stack.userPool.id,
        Username: email,
        MessageAction: 'SUPPRESS',
      }),
    );
    await stack.idp.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: stack.userPool.id,
        Username: email,
        Password: 'Expiring-1!',
        Permanent: true,
      }),
    );
    stack.userPool.addUserToGroup(email, 'general');
    const token = await idTokenOf(email, 'Expiring-1!');
    const identityId = await identityOf(token);
    const { Credentials } = await credentialsFor(identityId, loginsFor(token));
    await credentialsFor(identityId, loginsFor(token));
    const response = await fetch(`${stack.edgeUrl}/_local/credentials/expire`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ identityId }),
    });
    expect(await response.json()).toEqual({ expired: 2 });
    expect(stack.credentials.find(Credentials!.AccessKeyId!)!.expiresAt).toBeLessThanOrEqual(
      stack.clock.now(),
    );

    const bad = await fetch(`${stack.edgeUrl}/_local/credentials/expire`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(bad.status).toBe(400);
  });
});
