import { z } from 'zod';
import { invalidParameter, notAuthorized } from '../aws/errors';
import {
  parseInput,
  type JsonService,
  type Operation,
  type OperationContext,
} from '../aws/json-service';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from '../aws/identifiers';
import type { AuthFlows } from './auth-flows';
import { assertLimit, maskEmail, type UserPool } from './model';
import { throttled, type RequestQuotas } from './request-quotas';
import type { GroupRecord, UserRecord } from './state';
import { parseUserFilter } from './user-filter';

/** cognito-idp's wire protocol: request schemas in, Cognito's response shapes out. */

const name = z.string().min(1, 'Member must have length greater than or equal to 1');
const attributeList = z.array(z.object({ Name: name, Value: z.string() }));
const stringMap = z.record(z.string(), z.string()).optional();
const limit = z.number().int().optional();

/** What IAM authorises an admin operation on: the pool the input names. */
const userPoolArn = (userPoolId: string) =>
  `arn:aws:cognito-idp:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:userpool/${userPoolId}`;

const epochSeconds = (ms: number) => ms / 1000;
const toAttributeList = (attributes: Record<string, string>) =>
  Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));
const fromAttributeList = (list: Array<{ Name: string; Value: string }>) =>
  Object.fromEntries(list.map(({ Name, Value }) => [Name, Value]));

function userType(user: UserRecord) {
  return {
    Username: user.username,
    Attributes: toAttributeList(user.attributes),
    UserCreateDate: epochSeconds(user.createdAt),
    UserLastModifiedDate: epochSeconds(user.updatedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

function groupType(group: GroupRecord, userPoolId: string) {
  return {
    GroupName: group.name,
    UserPoolId: userPoolId,
    Description: group.description,
    RoleArn: group.roleArn,
    Precedence: group.precedence,
    CreationDate: epochSeconds(group.createdAt),
    LastModifiedDate: epochSeconds(group.updatedAt),
  };
}

const codeDelivery = (destination: string) => ({
  Destination: destination,
  DeliveryMedium: 'EMAIL',
  AttributeName: 'email',
});

/** AssociateSoftwareToken and VerifySoftwareToken take an access token or a session. */
function requireOne(accessToken: string | undefined): string {
  if (accessToken === undefined) {
    throw invalidParameter('Either AccessToken or Session must be provided.');
  }
  return accessToken;
}

/**
 * With `quotas`, every operation is admitted by Cognito's request-rate quotas first (the stack
 * always passes them); without, it runs unthrottled, for in-process tests of the pool itself.
 */
export function userPoolService(
  pool: UserPool,
  flows: AuthFlows,
  quotas?: RequestQuotas,
): JsonService {
  /** An operation that IAM authorises and that names the pool. */
  function admin<T extends { UserPoolId: string }>(
    schema: z.ZodType<T>,
    run: (input: T) => unknown,
  ): Operation {
    return async (raw: unknown, context: OperationContext) => {
      await context.authenticate();
      // IAM decides before the input is validated: a caller without rights learns nothing of
      // it. Without a pool named, nothing can be authorised, and validation refuses the call.
      const named = (raw as { UserPoolId?: unknown } | null)?.UserPoolId;
      if (typeof named === 'string') {
        await context.authorize(`cognito-idp:${context.operation}`, userPoolArn(named));
      }
      const input = parseInput(schema, raw);
      pool.assertPool(input.UserPoolId);
      return run(input);
    };
  }

  /** An operation authorised by the caller's access token. */
  function withAccessToken<T extends { AccessToken: string }>(
    schema: z.ZodType<T>,
    run: (input: T, user: UserRecord) => unknown,
  ): Operation {
    return async (raw: unknown) => {
      const input = parseInput(schema, raw);
      return run(input, await pool.userFromAccessToken(input.AccessToken));
    };
  }

  const poolUser = z.object({ UserPoolId: name, Username: name });
  const paged = z.object({ UserPoolId: name, Limit: limit, NextToken: z.string().optional() });
  const accessToken = z.object({ AccessToken: name });
  const mfaSettings = z
    .object({ Enabled: z.boolean().optional(), PreferredMfa: z.boolean().optional() })
    .optional();

  const operations: Record<string, Operation> = {
    InitiateAuth: (raw) => {
      const input = parseInput(
        z.object({ ClientId: name, AuthFlow: name, AuthParameters: stringMap }),
        raw,
      );
      return flows.initiateAuth(input.ClientId, input.AuthFlow, input.AuthParameters);
    },

    RespondToAuthChallenge: (raw) => {
      const input = parseInput(
        z.object({
          ClientId: name,
          ChallengeName: name,
          ChallengeResponses: stringMap,
          Session: z.string().optional(),
        }),
        raw,
      );
      return flows.respondToAuthChallenge(
        input.ClientId,
        input.ChallengeName,
        input.ChallengeResponses,
        input.Session,
      );
    },

    GetTokensFromRefreshToken: async (raw) => {
      const input = parseInput(z.object({ ClientId: name, RefreshToken: name }), raw);
      pool.assertClient(input.ClientId);
      return { AuthenticationResult: await pool.refresh(input.RefreshToken, input.ClientId) };
    },

    // Only what the app client may read, as Cognito answers a user's own access token.
    GetUser: withAccessToken(accessToken, (_input, user) => ({
      Username: user.username,
      UserAttributes: toAttributeList(pool.readableAttributes(user)),
      ...pool.softwareTokens.settingsOf(user),
    })),

    // Signed in (access token), or mid sign-in answering MFA_SETUP (session).
    AssociateSoftwareToken: async (raw) => {
      const input = parseInput(
        z.object({ AccessToken: name.optional(), Session: name.optional() }),
        raw,
      );
      assertNotBoth(input);
      if (input.Session !== undefined) return flows.associateSoftwareToken(input.Session);
      const user = await pool.userFromAccessToken(requireOne(input.AccessToken));
      return { SecretCode: pool.softwareTokens.associate(user) };
    },

    VerifySoftwareToken: async (raw) => {
      const input = parseInput(
        z.object({
          AccessToken: name.optional(),
          Session: name.optional(),
          // Any other shape simply mismatches: a validation message would echo the code.
          UserCode: name,
          FriendlyDeviceName: z.string().optional(),
        }),
        raw,
      );
      assertNotBoth(input);
      if (input.Session !== undefined) {
        return flows.verifySoftwareToken(input.Session, input.UserCode);
      }
      const user = await pool.userFromAccessToken(requireOne(input.AccessToken));
      pool.softwareTokens.verify(user, input.UserCode);
      return { Status: 'SUCCESS' };
    },

    SetUserMFAPreference: withAccessToken(
      accessToken.extend({ SoftwareTokenMfaSettings: mfaSettings, SMSMfaSettings: mfaSettings }),
      (input, user) => {
        pool.softwareTokens.setPreference(
          user,
          input.SoftwareTokenMfaSettings,
          input.SMSMfaSettings,
        );
        return {};
      },
    ),

    ChangePassword: withAccessToken(
      accessToken.extend({ PreviousPassword: name, ProposedPassword: name }),
      (input, user) => {
        if (!pool.passwordMatches(user, input.PreviousPassword)) {
          throw notAuthorized('Incorrect username or password.');
        }
        pool.setPermanentPassword(user, input.ProposedPassword);
        return {};
      },
    ),

    GlobalSignOut: withAccessToken(accessToken, (_input, user) => {
      pool.signOutEverywhere(user);
      return {};
    }),

    // With the pool's keepOriginal, a new e-mail waits for its code: the answer says where
    // the code went, and GetUser goes on showing the current address.
    UpdateUserAttributes: withAccessToken(
      accessToken.extend({ UserAttributes: attributeList, ClientMetadata: stringMap }),
      (input, user) => {
        const sentTo = pool.updateOwnAttributes(user, fromAttributeList(input.UserAttributes));
        return { CodeDeliveryDetailsList: sentTo ? [codeDelivery(maskEmail(sentTo))] : [] };
      },
    ),

    GetUserAttributeVerificationCode: withAccessToken(
      accessToken.extend({ AttributeName: name, ClientMetadata: stringMap }),
      (input, user) => ({
        CodeDeliveryDetails: codeDelivery(
          maskEmail(pool.sendAttributeVerificationCode(user, input.AttributeName)),
        ),
      }),
    ),

    VerifyUserAttribute: withAccessToken(
      accessToken.extend({ AttributeName: name, Code: name }),
      (input, user) => {
        pool.verifyAttribute(user, input.AttributeName, input.Code);
        return {};
      },
    ),

    RevokeToken: (raw) => {
      const input = parseInput(z.object({ ClientId: name, Token: name }), raw);
      pool.assertClient(input.ClientId);
      pool.revokeRefreshToken(input.Token, input.ClientId);
      return {};
    },

    ForgotPassword: (raw) => {
      const input = parseInput(z.object({ ClientId: name, Username: name }), raw);
      pool.assertClient(input.ClientId);
      return { CodeDeliveryDetails: codeDelivery(pool.forgotPassword(input.Username)) };
    },

    ConfirmForgotPassword: (raw) => {
      const input = parseInput(
        z.object({ ClientId: name, Username: name, ConfirmationCode: name, Password: name }),
        raw,
      );
      pool.assertClient(input.ClientId);
      pool.confirmForgotPassword(input.Username, input.ConfirmationCode, input.Password);
      return {};
    },

    AdminCreateUser: admin(
      z.object({
        UserPoolId: name,
        Username: name,
        UserAttributes: attributeList.optional(),
        TemporaryPassword: z.string().optional(),
        MessageAction: z.enum(['SUPPRESS', 'RESEND']).optional(),
        DesiredDeliveryMediums: z.array(z.enum(['EMAIL', 'SMS'])).optional(),
      }),
      (input) => ({
        User: userType(
          pool.adminCreateUser({
            username: input.Username,
            attributes: fromAttributeList(input.UserAttributes ?? []),
            temporaryPassword: input.TemporaryPassword,
            messageAction: input.MessageAction,
          }),
        ),
      }),
    ),

    AdminGetUser: admin(poolUser, (input) => {
      const record = pool.requireUser(input.Username);
      const { Attributes, ...user } = userType(record);
      return { ...user, UserAttributes: Attributes, ...pool.softwareTokens.settingsOf(record) };
    }),

    AdminSetUserMFAPreference: admin(
      poolUser.extend({ SoftwareTokenMfaSettings: mfaSettings, SMSMfaSettings: mfaSettings }),
      (input) => {
        pool.softwareTokens.setPreference(
          pool.requireUser(input.Username),
          input.SoftwareTokenMfaSettings,
          input.SMSMfaSettings,
        );
        return {};
      },
    ),

    GetUserPoolMfaConfig: admin(z.object({ UserPoolId: name }), () => ({
      MfaConfiguration: pool.definition.pool.mfa,
      SoftwareTokenMfaConfiguration: { Enabled: pool.definition.pool.mfaSecondFactor.otp },
    })),

    AdminDeleteUser: admin(poolUser, (input) => {
      pool.adminDeleteUser(input.Username);
      return {};
    }),

    AdminDisableUser: admin(poolUser, (input) => {
      pool.adminSetEnabled(input.Username, false);
      return {};
    }),

    AdminEnableUser: admin(poolUser, (input) => {
      pool.adminSetEnabled(input.Username, true);
      return {};
    }),

    AdminResetUserPassword: admin(poolUser, (input) => {
      pool.adminResetUserPassword(input.Username);
      return {};
    }),

    AdminSetUserPassword: admin(
      poolUser.extend({ Password: name, Permanent: z.boolean().optional() }),
      (input) => {
        pool.adminSetUserPassword(input.Username, input.Password, input.Permanent ?? false);
        return {};
      },
    ),

    AdminUpdateUserAttributes: admin(
      poolUser.extend({ UserAttributes: attributeList }),
      (input) => {
        pool.adminUpdateAttributes(
          pool.requireUser(input.Username),
          fromAttributeList(input.UserAttributes),
        );
        return {};
      },
    ),

    AdminAddUserToGroup: admin(poolUser.extend({ GroupName: name }), (input) => {
      pool.addUserToGroup(input.Username, input.GroupName);
      return {};
    }),

    AdminRemoveUserFromGroup: admin(poolUser.extend({ GroupName: name }), (input) => {
      pool.removeUserFromGroup(input.Username, input.GroupName);
      return {};
    }),

    AdminListGroupsForUser: admin(
      poolUser.extend({ Limit: limit, NextToken: z.string().optional() }),
      (input) => {
        const page = pool.listGroupsForUser(
          input.Username,
          assertLimit(input.Limit),
          input.NextToken,
        );
        return {
          Groups: page.items.map((g) => groupType(g, pool.id)),
          ...(page.nextToken ? { NextToken: page.nextToken } : {}),
        };
      },
    ),

    AdminUserGlobalSignOut: admin(poolUser, (input) => {
      pool.signOutEverywhere(pool.requireUser(input.Username));
      return {};
    }),

    ListUsers: admin(
      z.object({
        UserPoolId: name,
        Limit: limit,
        PaginationToken: z.string().optional(),
        Filter: z.string().optional(),
        AttributesToGet: z.array(z.string()).optional(),
      }),
      (input) => {
        const page = pool.listUsers(
          parseUserFilter(input.Filter),
          assertLimit(input.Limit),
          input.PaginationToken,
        );
        if (input.AttributesToGet) pool.assertAttributesToGet(input.AttributesToGet, page.items);
        const wanted = input.AttributesToGet && new Set(input.AttributesToGet);
        return {
          Users: page.items.map((user) => {
            const shaped = userType(user);
            return wanted
              ? { ...shaped, Attributes: shaped.Attributes.filter((a) => wanted.has(a.Name)) }
              : shaped;
          }),
          ...(page.nextToken ? { PaginationToken: page.nextToken } : {}),
        };
      },
    ),

    ListGroups: admin(paged, (input) => {
      const page = pool.listGroups(assertLimit(input.Limit), input.NextToken);
      return {
        Groups: page.items.map((g) => groupType(g, pool.id)),
        ...(page.nextToken ? { NextToken: page.nextToken } : {}),
      };
    }),

    GetGroup: admin(z.object({ UserPoolId: name, GroupName: name }), (input) => ({
      Group: groupType(pool.requireGroup(input.GroupName), pool.id),
    })),

    ListUsersInGroup: admin(paged.extend({ GroupName: name }), (input) => {
      const page = pool.listUsersInGroup(
        input.GroupName,
        assertLimit(input.Limit),
        input.NextToken,
      );
      return {
        Users: page.items.map(userType),
        ...(page.nextToken ? { NextToken: page.nextToken } : {}),
      };
    }),
  };

  return {
    targetPrefix: 'AWSCognitoIdentityProviderService',
    operations: quotas ? throttled(operations, quotas) : operations,
  };
}

/** Cognito takes "an access token or a session string, but not both". */
function assertNotBoth(input: { AccessToken?: string; Session?: string }): void {
  if (input.AccessToken !== undefined && input.Session !== undefined) {
    throw invalidParameter('Only one of AccessToken or Session may be given.');
  }
}
