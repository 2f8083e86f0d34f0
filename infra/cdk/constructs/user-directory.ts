import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { SPA_CLIENT_SETTINGS, USER_POOL_SETTINGS, type MfaConfiguration } from '@contract';
import {
  authFlows,
  clientAttributes,
  customAttributes,
  standardAttributes,
} from './cognito-settings';

/** The contract's `MfaConfiguration` as CDK names it. */
const CDK_MFA: Record<MfaConfiguration, Mfa> = {
  OFF: Mfa.OFF,
  OPTIONAL: Mfa.OPTIONAL,
  ON: Mfa.REQUIRED,
};

export interface UserDirectoryProps {
  production: boolean;
  /** Where invited people sign in; named in the invitation e-mail. */
  siteUrl: string;
}

/**
 * The user pool people sign in to with their e-mail address, and the SPA's app client: SRP,
 * no client secret (a browser cannot keep one). Accounts are created by administrators, so
 * there is no self sign-up. Every setting the local user pool enforces too comes from
 * `src/contract/user-pool-settings.ts`.
 */
export class UserDirectory extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: UserDirectoryProps) {
    super(scope, id);
    const pool = USER_POOL_SETTINGS;
    const client = SPA_CLIENT_SETTINGS;
    const { passwordPolicy } = pool;
    this.userPool = new UserPool(this, 'UserPool', {
      signInAliases: { email: true },
      signInCaseSensitive: pool.signInCaseSensitive,
      autoVerify: { email: pool.autoVerifiedAttributes.includes('email') },
      ...(pool.attributesRequireVerificationBeforeUpdate.length
        ? {
            keepOriginal: {
              email: pool.attributesRequireVerificationBeforeUpdate.includes('email'),
            },
          }
        : {}),
      standardAttributes: standardAttributes(pool),
      customAttributes: customAttributes(pool),
      selfSignUpEnabled: false,
      passwordPolicy: {
        minLength: passwordPolicy.minLength,
        requireLowercase: passwordPolicy.requireLowercase,
        requireUppercase: passwordPolicy.requireUppercase,
        requireDigits: passwordPolicy.requireDigits,
        requireSymbols: passwordPolicy.requireSymbols,
        tempPasswordValidity: Duration.days(passwordPolicy.temporaryPasswordValidityDays),
      },
      mfa: CDK_MFA[pool.mfa],
      mfaSecondFactor: { otp: pool.mfaSecondFactor.otp, sms: pool.mfaSecondFactor.sms },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      userInvitation: {
        emailSubject: 'Your console account',
        emailBody: `Sign in at ${props.siteUrl} as {username} with the temporary password {####}. You will choose your own password then.`,
      },
      deletionProtection: props.production,
      removalPolicy: props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is OPTIONAL so general users choose; the admin API refuses administrators without TOTP (an authenticator app, verified and turned on), so every admin action is behind a second factor without forcing one on everyone.',
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'The Plus feature plan (threat protection) is billed per monthly active user with no free tier; Essentials costs nothing below 10,000 users. Plus is an opt-in cost decision for each deployment.',
    });
    this.client = this.userPool.addClient('SpaClient', {
      generateSecret: false,
      authFlows: authFlows(client.explicitAuthFlows),
      readAttributes: clientAttributes(client.readAttributes),
      writeAttributes: clientAttributes(client.writeAttributes),
      preventUserExistenceErrors: client.preventUserExistenceErrors,
      enableTokenRevocation: client.enableTokenRevocation,
      disableOAuth: !client.oAuthEnabled,
      idTokenValidity: Duration.seconds(client.idTokenValiditySeconds),
      accessTokenValidity: Duration.seconds(client.accessTokenValiditySeconds),
      refreshTokenValidity: Duration.seconds(client.refreshTokenValiditySeconds),
      authSessionValidity: Duration.seconds(client.authSessionValiditySeconds),
    });
  }
}
