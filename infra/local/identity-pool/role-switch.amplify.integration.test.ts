import { fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GROUPS, roleArn } from '@contract';
import { roleChoices } from '../../../src/auth/roles/console-roles';
import { createRoleCredentialsProvider } from '../../../src/auth/roles/role-credentials-provider';
import { requestedRole } from '../../../src/cli/login';
import { configureAmplify } from '../../../src/config/configure-amplify';
import { SEEDED_ADMIN } from '../testing/callers';
import { startTestStack, type TestStack } from '../testing/test-stack';

/*
 * Unmodified aws-amplify v6 with the console's credentials provider against the local
 * identity pool: the role is chosen with CustomRoleArn among the token's roles, the least
 * privileged by default, and the pool refuses a role the token does not carry.
 */
const ACCOUNT = '000000000000';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterEach(async () => {
  roleChoices.set(undefined);
  await signOut().catch(() => undefined);
});
afterAll(() => stack.stop());

/** The role the local stack issued these credentials for. */
const roleOf = (accessKeyId: string | undefined) =>
  stack.credentials.find(accessKeyId ?? '')?.roleArn;

describe("the console's credentials provider", () => {
  it('acts as the least-privileged role first, and as the chosen one once switched', async () => {
    configureAmplify(stack.runtimeConfig);
    await signIn({ username: SEEDED_ADMIN.email, password: SEEDED_ADMIN.password });
    const first = await fetchAuthSession();
    // Cognito prefers admin (the lowest precedence); the console asks for general.
    expect(first.tokens?.idToken?.payload['cognito:preferred_role']).toBe(
      roleArn(ACCOUNT, 'admin'),
    );
    expect(roleOf(first.credentials?.accessKeyId)).toBe(roleArn(ACCOUNT, 'general'));

    const sub = first.tokens!.idToken!.payload.sub as string;
    const until = Date.now() + 60_000;
    roleChoices.set({ roleArn: roleArn(ACCOUNT, 'admin'), sub, until });
    const switched = await fetchAuthSession();
    expect(roleOf(switched.credentials?.accessKeyId)).toBe(roleArn(ACCOUNT, 'admin'));
    expect(switched.identityId).toBe(first.identityId);

    // Someone else's choice counts for nothing.
    roleChoices.set({ roleArn: roleArn(ACCOUNT, 'admin'), sub: 'someone-else', until });
    const others = await fetchAuthSession();
    expect(roleOf(others.credentials?.accessKeyId)).toBe(roleArn(ACCOUNT, 'general'));

    // A choice the token does not carry is never sent: back to the least privileged.
    roleChoices.set({ roleArn: roleArn(ACCOUNT, 'helpdesk'), sub, until });
    const fallback = await fetchAuthSession();
    expect(roleOf(fallback.credentials?.accessKeyId)).toBe(roleArn(ACCOUNT, 'general'));
  });

  it('sends a role ARN the token does not carry as given, and the identity pool refuses it', async () => {
    configureAmplify(
      stack.runtimeConfig,
      createRoleCredentialsProvider(({ roles }) =>
        requestedRole(roleArn(ACCOUNT, 'helpdesk'), roles),
      ),
    );
    await signIn({ username: SEEDED_ADMIN.email, password: SEEDED_ADMIN.password });
    await expect(fetchAuthSession()).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
  });

  it("names the user's roles when --role names none of them", async () => {
    const roles = [roleArn(ACCOUNT, 'admin'), roleArn(ACCOUNT, 'general')];
    expect(requestedRole(GROUPS.admin.roleName, roles)).toBe(roleArn(ACCOUNT, 'admin'));
    expect(requestedRole('general', roles)).toBe(roleArn(ACCOUNT, 'general'));
    expect(() => requestedRole('helpdesk', roles)).toThrow(
      'You have no role "helpdesk". Your sign-in carries: ConsoleGeneralRole (general), ConsoleAdminRole (admin).',
    );
  });
});
