import {
  ClientAttributes,
  NumberAttribute,
  StringAttribute,
  type AuthFlow,
  type ICustomAttribute,
  type StandardAttributes,
  type StandardAttributesMask,
} from 'aws-cdk-lib/aws-cognito';
import {
  CUSTOM_ATTRIBUTE_PREFIX,
  type ExplicitAuthFlow,
  type StandardAttribute,
  type UserPoolSettings,
} from '@contract';

/**
 * `src/contract/user-pool-settings.ts` in the CDK's own words: its props name attributes and
 * flows differently from Cognito's API, which the contract (and the local user pool) use.
 */

/** CDK's key for each standard attribute (`sub` has none: no client setting names it). */
const MASK_KEYS: Record<Exclude<StandardAttribute, 'sub'>, keyof StandardAttributesMask> = {
  address: 'address',
  birthdate: 'birthdate',
  email: 'email',
  email_verified: 'emailVerified',
  family_name: 'familyName',
  gender: 'gender',
  given_name: 'givenName',
  locale: 'locale',
  middle_name: 'middleName',
  name: 'fullname',
  nickname: 'nickname',
  phone_number: 'phoneNumber',
  phone_number_verified: 'phoneNumberVerified',
  picture: 'profilePicture',
  preferred_username: 'preferredUsername',
  profile: 'profilePage',
  updated_at: 'lastUpdateTime',
  website: 'website',
  zoneinfo: 'timezone',
};

const maskKeyOf = (name: string): keyof StandardAttributesMask => {
  const key = (MASK_KEYS as Record<string, keyof StandardAttributesMask | undefined>)[name];
  if (!key) throw new Error(`No CDK name for the standard attribute ${name}`);
  return key;
};

/** An app client's read or write attributes, standard and custom (`custom:` prefixed). */
export function clientAttributes(names: readonly string[]): ClientAttributes {
  const custom = names.filter((n) => n.startsWith(CUSTOM_ATTRIBUTE_PREFIX));
  const standard = names.filter((n) => !n.startsWith(CUSTOM_ATTRIBUTE_PREFIX));
  return new ClientAttributes()
    .withStandardAttributes(Object.fromEntries(standard.map((n) => [maskKeyOf(n), true])))
    .withCustomAttributes(...custom.map((n) => n.slice(CUSTOM_ATTRIBUTE_PREFIX.length)));
}

/** The pool's schema changes to standard attributes. */
export function standardAttributes(pool: UserPoolSettings): StandardAttributes {
  return Object.fromEntries(
    Object.entries(pool.standardAttributes).map(([name, schema]) => [maskKeyOf(name), schema]),
  );
}

export function customAttributes(pool: UserPoolSettings): Record<string, ICustomAttribute> {
  return Object.fromEntries(
    Object.entries(pool.customAttributes).map(([name, { dataType, mutable }]) => [
      name,
      dataType === 'String' ? new StringAttribute({ mutable }) : new NumberAttribute({ mutable }),
    ]),
  );
}

/** CDK's switch for each flow; it adds ALLOW_REFRESH_TOKEN_AUTH to every client itself. */
const AUTH_FLOW_KEYS: Record<
  Exclude<ExplicitAuthFlow, 'ALLOW_REFRESH_TOKEN_AUTH'>,
  keyof AuthFlow
> = {
  ALLOW_USER_SRP_AUTH: 'userSrp',
  ALLOW_USER_PASSWORD_AUTH: 'userPassword',
  ALLOW_CUSTOM_AUTH: 'custom',
  ALLOW_ADMIN_USER_PASSWORD_AUTH: 'adminUserPassword',
  ALLOW_USER_AUTH: 'user',
};

export function authFlows(flows: readonly ExplicitAuthFlow[]): AuthFlow {
  return Object.fromEntries(
    flows
      .filter((flow) => flow !== 'ALLOW_REFRESH_TOKEN_AUTH')
      .map((flow) => [AUTH_FLOW_KEYS[flow as keyof typeof AUTH_FLOW_KEYS], true]),
  );
}
