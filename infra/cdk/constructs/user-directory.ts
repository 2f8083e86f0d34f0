import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface UserDirectoryProps {
  production: boolean;
  /** Where invited people sign in; named in the invitation e-mail. */
  siteUrl: string;
}

/**
 * The user pool people sign in to with their e-mail address, and the SPA's app client: SRP,
 * no client secret (a browser cannot keep one). Accounts are created by administrators, so
 * there is no self sign-up.
 */
export class UserDirectory extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: UserDirectoryProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      selfSignUpEnabled: false,
      // Cognito's default policy, which the local user pool enforces too.
      passwordPolicy: {
        minLength: 8,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(7),
      },
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
        "The console's sign-in (Amplify SRP in the SPA and the CLI, and the local user pool) does not yet handle MFA challenges, so requiring MFA would lock every user out. Accounts are invitation-only, with Cognito's strong password policy, and admin rights need the admin group's IAM role besides sign-in.",
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'The Plus feature plan (threat protection) is billed per monthly active user with no free tier; Essentials costs nothing below 10,000 users. Plus is an opt-in cost decision for each deployment.',
    });
    this.client = this.userPool.addClient('SpaClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });
  }
}
