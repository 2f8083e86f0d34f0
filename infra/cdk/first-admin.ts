import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { GROUPS } from '@contract';

type Cognito = Pick<CognitoIdentityProviderClient, 'send'>;

export interface FirstAdminResult {
  /** False when the person already had an account, which then only joined the group. */
  invited: boolean;
}

/**
 * Makes `email` an administrator: invites them (Cognito e-mails a temporary password, as the
 * console's own invitations do) unless they already have an account, then adds them to the
 * admin group. Safe to run again.
 */
export async function makeAdmin(
  cognito: Cognito,
  userPoolId: string,
  email: string,
): Promise<FirstAdminResult> {
  let invited = true;
  try {
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: email,
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
        DesiredDeliveryMediums: ['EMAIL'],
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'UsernameExistsException') throw error;
    invited = false;
  }
  await cognito.send(
    new AdminAddUserToGroupCommand({
      UserPoolId: userPoolId,
      Username: email,
      GroupName: GROUPS.admin.name,
    }),
  );
  return { invited };
}
