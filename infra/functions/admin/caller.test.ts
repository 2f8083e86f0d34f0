import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { actingGroup } from './caller';

const POOL = 'cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_Pool';
const event = (userArn: string, cognitoAuthenticationProvider?: string) =>
  ({
    requestContext: { identity: { userArn, cognitoAuthenticationProvider } },
  }) as unknown as APIGatewayProxyEvent;

describe('the group a call acts as', () => {
  it('is the group of the identity-pool role that signed it', () => {
    expect(
      actingGroup(
        event(
          'arn:aws:sts::123456789012:assumed-role/ConsoleHelpdeskRole/CognitoIdentityCredentials',
          `${POOL},${POOL}:CognitoSignIn:sub-ada`,
        ),
      ),
    ).toBe('helpdesk');
  });

  it('is none for a role that is no Cognito user’s, whatever its name', () => {
    expect(
      actingGroup(event('arn:aws:sts::999999999999:assumed-role/ConsoleHelpdeskRole/job')),
    ).toBeUndefined();
  });
});
