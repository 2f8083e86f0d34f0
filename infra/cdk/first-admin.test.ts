import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { GROUPS } from '@contract';
import { makeAdmin } from './first-admin';

/** Records the commands sent, answering as Cognito would for a pool holding `existing`. */
function cognitoWith(existing: string[]) {
  const sent: Array<{ name: string; input: Record<string, unknown> }> = [];
  return {
    sent,
    send: async (command: { constructor: { name: string }; input: object }) => {
      sent.push({
        name: command.constructor.name,
        input: command.input as Record<string, unknown>,
      });
      const input = command.input as { Username?: string };
      if (command instanceof AdminCreateUserCommand && existing.includes(input.Username!)) {
        throw Object.assign(new Error('User account already exists'), {
          name: 'UsernameExistsException',
        });
      }
      return {};
    },
  };
}

describe('making the first administrator', () => {
  it('invites a new person by e-mail and adds them to the admin group', async () => {
    const cognito = cognitoWith([]);
    const result = await makeAdmin(cognito as never, 'pool-1', 'ada@example.com');
    expect(result).toEqual({ invited: true });
    expect(cognito.sent).toEqual([
      {
        name: AdminCreateUserCommand.name,
        input: {
          UserPoolId: 'pool-1',
          Username: 'ada@example.com',
          UserAttributes: [
            { Name: 'email', Value: 'ada@example.com' },
            { Name: 'email_verified', Value: 'true' },
          ],
          DesiredDeliveryMediums: ['EMAIL'],
        },
      },
      {
        name: AdminAddUserToGroupCommand.name,
        input: { UserPoolId: 'pool-1', Username: 'ada@example.com', GroupName: GROUPS.admin.name },
      },
    ]);
  });

  it('only adds someone who already has an account to the group', async () => {
    const cognito = cognitoWith(['ada@example.com']);
    expect(await makeAdmin(cognito as never, 'pool-1', 'ada@example.com')).toEqual({
      invited: false,
    });
    expect(cognito.sent.map((c) => c.name)).toEqual([
      AdminCreateUserCommand.name,
      AdminAddUserToGroupCommand.name,
    ]);
  });

  it('stops on any other refusal, adding no one to the group', async () => {
    const sent: string[] = [];
    const cognito = {
      send: async (command: { constructor: { name: string } }) => {
        sent.push(command.constructor.name);
        throw Object.assign(new Error('not allowed'), { name: 'AccessDeniedException' });
      },
    };
    await expect(makeAdmin(cognito as never, 'pool-1', 'ada@example.com')).rejects.toThrow(
      'not allowed',
    );
    expect(sent).toEqual([AdminCreateUserCommand.name]);
  });
});
