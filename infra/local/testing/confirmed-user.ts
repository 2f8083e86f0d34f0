import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { GroupName } from '@contract';
import type { TestStack } from './test-stack';

/**
 * A user the account administrator creates with a verified e-mail and a permanent password, in
 * `groups`, with unmodified SDK calls: someone who can sign in at once. Answers the username
 * Cognito gave them.
 */
export async function createConfirmedUser(
  stack: TestStack,
  user: { email: string; password: string; groups: readonly GroupName[] },
): Promise<string> {
  const UserPoolId = stack.userPool.id;
  const { User } = await stack.idp.send(
    new AdminCreateUserCommand({
      UserPoolId,
      Username: user.email,
      UserAttributes: [
        { Name: 'email', Value: user.email },
        { Name: 'email_verified', Value: 'true' },
      ],
      MessageAction: 'SUPPRESS',
    }),
  );
  const Username = User!.Username!;
  await stack.idp.send(
    new AdminSetUserPasswordCommand({
      UserPoolId,
      Username,
      Password: user.password,
      Permanent: true,
    }),
  );
  for (const GroupName of user.groups) {
    await stack.idp.send(new AdminAddUserToGroupCommand({ UserPoolId, Username, GroupName }));
  }
  return Username;
}
