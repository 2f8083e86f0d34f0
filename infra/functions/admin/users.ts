import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminUserGlobalSignOutCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { GROUPS, outrankingGroup, type AuditedAction, type UserDetail } from '@contract';
import { userPoolAccess } from '../shared/access';
import { awsErrorName } from '../shared/aws-errors';
import { cognitoClient } from '../shared/aws-clients';
import { requireEnv } from '../shared/env';
import type { RouteHandlers } from '../shared/rest-handler';
import { createdUserDetail, getUser, listUsers } from '../shared/user-directory';
import { audited } from './audited';
import { actingGroup, callerUsername } from './caller';
import type { SELF_PROTECTION } from './refusals';
import { outranksCaller, selfProtection, unverifiedEmail } from './refusals';

const userPoolId = () => requireEnv('USER_POOL_ID');

/** Every session of the user ends: refresh tokens and the tokens minted from them. */
const signOutEverywhere = (username: string) =>
  cognitoClient().send(
    new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId(), Username: username }),
  );

/** What the user mutations send to the user pool (see `access.ts`). */
export const USER_MUTATIONS_ACCESS = userPoolAccess(
  'cognito-idp:AdminUserGlobalSignOut',
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminDeleteUser',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminResetUserPassword',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminSetUserMFAPreference',
);

interface UserMutation {
  action: AuditedAction;
  /**
   * Refuse when the target is the caller: an administrator can neither lock themself out nor
   * grant themself anything.
   */
  protectSelf?: keyof typeof SELF_PROTECTION;
  /** Added to the audit target, e.g. ` → admin`. */
  targetSuffix?: string;
  run: (target: UserDetail) => Promise<unknown>;
}

/**
 * One audited mutation of one user. The user is read first, so a call by e-mail alias and a
 * call by username are the same target, the audit log names them by e-mail, and a
 * self-targeted change, or one on a user in a group with more rights than the caller's role,
 * is caught before anything is written. Returns the target's username.
 */
async function mutateUser(
  event: APIGatewayProxyEvent,
  username: string,
  mutation: UserMutation,
): Promise<string> {
  const suffix = mutation.targetSuffix ?? '';
  return audited(event, mutation.action, username + suffix, async (audit) => {
    const target = await getUser(username);
    audit.target = target.email + suffix;
    if (mutation.protectSelf && target.username === callerUsername(event)) {
      throw selfProtection(mutation.protectSelf);
    }
    // A role acts on nobody it is outranked by; an automation role (no group's) is IAM's to limit.
    const acting = actingGroup(event);
    const outranking = acting && outrankingGroup(target.groups, acting);
    if (outranking) throw outranksCaller(target.email, outranking);
    await mutation.run(target);
    return target.username;
  });
}

/**
 * A mutation, then the user as it now is. The read comes after the audit entry, so a read
 * that fails cannot record as failed a change that happened.
 */
async function mutateAndRead(
  event: APIGatewayProxyEvent,
  username: string,
  mutation: UserMutation,
): Promise<UserDetail> {
  return getUser(await mutateUser(event, username, mutation));
}

/**
 * Adds a just-invited user to a group; false if Cognito throttled it. Throttling here (past the
 * SDK's own retries) must not answer 429: the user exists now, and a caller that tried the
 * invite again would be told "already exists" and never learn the group is missing. So the
 * invite answers with the user as they are, whose `groups` lack it, and the console adds it
 * (an import tries `addUserToGroup`, which repeats safely). Anything else is a fault.
 */
async function addToGroupOfInvite(username: string, group: string): Promise<boolean> {
  try {
    await cognitoClient().send(
      new AdminAddUserToGroupCommand({
        UserPoolId: userPoolId(),
        Username: username,
        GroupName: group,
      }),
    );
  } catch (error) {
    if (awsErrorName(error) !== 'TooManyRequestsException') throw error;
    console.warn(`An invitation went out without group ${group}: Cognito throttled adding it.`);
    return false;
  }
  return true;
}

export const userHandlers: Pick<
  RouteHandlers<'admin'>,
  | 'listUsers'
  | 'getUser'
  | 'inviteUser'
  | 'deleteUser'
  | 'disableUser'
  | 'enableUser'
  | 'resetUserPassword'
  | 'resetUserMfa'
  | 'addUserToGroup'
  | 'removeUserFromGroup'
> = {
  listUsers: ({ query }) => listUsers(query),

  getUser: ({ params }) => getUser(params.username),

  inviteUser: ({ body }, event) =>
    audited(event, 'inviteUser', body.email, async () => {
      // No temporary password given: Cognito makes one and sends the invitation.
      const { User } = await cognitoClient().send(
        new AdminCreateUserCommand({
          UserPoolId: userPoolId(),
          Username: body.email,
          UserAttributes: [
            { Name: 'email', Value: body.email },
            { Name: 'email_verified', Value: 'true' },
            ...(body.name ? [{ Name: 'name', Value: body.name }] : []),
          ],
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      );
      if (!User?.Username) throw new Error('AdminCreateUser answered no user');
      const added: string[] = [];
      for (const group of body.groups) {
        if (await addToGroupOfInvite(User.Username, group)) added.push(group);
      }
      // From here on nothing may answer 429: the user exists, and a retry would be told
      // "already exists". So no read follows: the answer is Cognito's own, and the groups added.
      return createdUserDetail(User, added);
    }),

  deleteUser: async ({ params }, event) => {
    await mutateUser(event, params.username, {
      action: 'deleteUser',
      protectSelf: 'deleteUser',
      run: async ({ username }) => {
        // Signed out first: a deleted user's tokens must die with the account.
        await signOutEverywhere(username);
        await cognitoClient().send(
          new AdminDeleteUserCommand({ UserPoolId: userPoolId(), Username: username }),
        );
      },
    });
  },

  disableUser: ({ params }, event) =>
    mutateAndRead(event, params.username, {
      action: 'disableUser',
      protectSelf: 'disableUser',
      run: async ({ username }) => {
        await cognitoClient().send(
          new AdminDisableUserCommand({ UserPoolId: userPoolId(), Username: username }),
        );
        await signOutEverywhere(username);
      },
    }),

  enableUser: ({ params }, event) =>
    mutateAndRead(event, params.username, {
      action: 'enableUser',
      run: ({ username }) =>
        cognitoClient().send(
          new AdminEnableUserCommand({ UserPoolId: userPoolId(), Username: username }),
        ),
    }),

  resetUserPassword: ({ params }, event) =>
    mutateAndRead(event, params.username, {
      action: 'resetUserPassword',
      run: (target) =>
        // Cognito will not reset a password that was never set; for an invited user who has
        // not signed in yet, the same intent is a new invitation with a new temporary password.
        target.status === 'FORCE_CHANGE_PASSWORD'
          ? cognitoClient().send(
              new AdminCreateUserCommand({
                UserPoolId: userPoolId(),
                Username: target.username,
                MessageAction: 'RESEND',
                DesiredDeliveryMediums: ['EMAIL'],
              }),
            )
          : cognitoClient().send(
              new AdminResetUserPasswordCommand({
                UserPoolId: userPoolId(),
                Username: target.username,
              }),
            ),
    }),

  resetUserMfa: ({ params }, event) =>
    mutateAndRead(event, params.username, {
      action: 'resetUserMfa',
      // Done by another administrator, so an admin cannot drop their own second factor here.
      protectSelf: 'resetUserMfa',
      run: async ({ username }) => {
        // The user signs in with their password alone again and may set up a new app.
        await cognitoClient().send(
          new AdminSetUserMFAPreferenceCommand({
            UserPoolId: userPoolId(),
            Username: username,
            SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
          }),
        );
        // Whoever held the lost authenticator may hold a session too: every one ends now.
        await signOutEverywhere(username);
      },
    }),

  addUserToGroup: ({ params }, event) =>
    mutateAndRead(event, params.username, {
      action: 'addUserToGroup',
      protectSelf: 'addUserToGroup',
      targetSuffix: ` → ${params.group}`,
      run: ({ username, email, emailVerified }) => {
        if (!emailVerified) throw unverifiedEmail(email);
        return cognitoClient().send(
          new AdminAddUserToGroupCommand({
            UserPoolId: userPoolId(),
            Username: username,
            GroupName: params.group,
          }),
        );
      },
    }),

  removeUserFromGroup: ({ params }, event) =>
    mutateAndRead(event, params.username, {
      action: 'removeUserFromGroup',
      // Only leaving `admin` can lock an administrator out.
      protectSelf: params.group === GROUPS.admin.name ? 'removeUserFromGroup' : undefined,
      targetSuffix: ` ← ${params.group}`,
      run: async ({ username }) => {
        await cognitoClient().send(
          new AdminRemoveUserFromGroupCommand({
            UserPoolId: userPoolId(),
            Username: username,
            GroupName: params.group,
          }),
        );
        // Their refresh token dies now, so no new credentials of the old role are issued.
        await signOutEverywhere(username);
      },
    }),
};
