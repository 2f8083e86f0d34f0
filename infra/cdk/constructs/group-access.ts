import { Stack } from 'aws-cdk-lib';
import { CfnUserPoolGroup, type UserPool, type UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import {
  IdentityPool,
  IdentityPoolProviderUrl,
  UserPoolAuthenticationProvider,
} from 'aws-cdk-lib/aws-cognito-identitypool';
import { FederatedPrincipal, PolicyDocument, Role } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import {
  executeApiArn,
  GROUP_NAMES,
  GROUPS,
  groupRolePolicy,
  routesOf,
  type ApiStage,
  type GroupName,
} from '@contract';
import { acknowledgeWildcards } from '../nag-acknowledgements';
import { pascalCase as pascal } from '../naming';

export interface GroupAccessProps {
  userPool: UserPool;
  client: UserPoolClient;
  /** The admin API the group roles may invoke (its id and stage name). */
  adminApi: { restApiId: string; stageName: string };
}

const COGNITO_IDENTITY = 'cognito-identity.amazonaws.com';

/**
 * How a signed-in person gets IAM credentials: the identity pool trusts only this user pool,
 * hands out no guest identities, offers only the enhanced flow, and gives each person the role
 * of their group with the lowest precedence (`cognito:preferred_role`); a token naming no clear
 * role is denied. Each group role may invoke exactly the admin routes the contract gives that
 * group.
 */
export class GroupAccess extends Construct {
  readonly identityPool: IdentityPool;
  readonly roles: Readonly<Record<GroupName, Role>>;
  readonly adminStage: ApiStage;

  constructor(scope: Construct, id: string, props: GroupAccessProps) {
    super(scope, id);
    const { userPool, client } = props;
    this.identityPool = new IdentityPool(this, 'IdentityPool', {
      allowUnauthenticatedIdentities: false,
      // With the basic (classic) flow, any signed-in user could take GetOpenIdToken's token to
      // STS's AssumeRoleWithWebIdentity for any group role (each trusts every authenticated
      // identity of the pool), past the token-based role mapping.
      allowClassicFlow: false,
      authenticationProviders: {
        userPools: [new UserPoolAuthenticationProvider({ userPool, userPoolClient: client })],
      },
      roleMappings: [
        {
          providerUrl: IdentityPoolProviderUrl.userPool(userPool, client),
          // Only names the entry in the template; the provider is the pool and client above.
          mappingKey: 'userPool',
          useToken: true,
          resolveAmbiguousRoles: false,
        },
      ],
    });

    const stack = Stack.of(this);
    this.adminStage = {
      partition: stack.partition,
      region: stack.region,
      accountId: stack.account,
      apiId: props.adminApi.restApiId,
      stage: props.adminApi.stageName,
    };
    this.roles = Object.fromEntries(
      GROUP_NAMES.map((group) => [group, this.groupRole(group)]),
    ) as Record<GroupName, Role>;
    for (const group of GROUP_NAMES) {
      new CfnUserPoolGroup(this, `${pascal(group)}Group`, {
        userPoolId: userPool.userPoolId,
        groupName: GROUPS[group].name,
        description: GROUPS[group].description,
        precedence: GROUPS[group].precedence,
        roleArn: this.roles[group].roleArn,
      });
    }
  }

  /**
   * The role is named as the contract names it, so the ARN in `cognito:roles` is the one the
   * local stack maps to the same policy. It can be assumed only through this identity pool by
   * an authenticated identity, and its one policy is the contract's `groupRolePolicy`.
   */
  private groupRole(group: GroupName): Role {
    const policy = groupRolePolicy(group, this.adminStage);
    const role = new Role(this, `${pascal(group)}Role`, {
      roleName: GROUPS[group].roleName,
      description: GROUPS[group].description,
      assumedBy: new FederatedPrincipal(
        COGNITO_IDENTITY,
        {
          StringEquals: { [`${COGNITO_IDENTITY}:aud`]: this.identityPool.identityPoolId },
          'ForAnyValue:StringLike': { [`${COGNITO_IDENTITY}:amr`]: 'authenticated' },
        },
        'sts:AssumeRoleWithWebIdentity',
      ),
      // An empty policy is not valid IAM: a group with no admin routes gets none.
      inlinePolicies: policy.Statement.length
        ? { InvokeAdminApi: PolicyDocument.fromJson(policy) }
        : {},
    });
    // Only the routes with path parameters: there, and nowhere else, the contract writes `*`.
    const parameterised = routesOf('admin')
      .filter(([, route]) => route.groups.includes(group) && /\{\w+\}/.test(route.path))
      .map(([, route]) => executeApiArn(this.adminStage, route));
    acknowledgeWildcards(
      role,
      { Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: parameterised }] },
      'Each * stands for one path parameter ({username}, {group}, {id}) of a route the contract gives this group, as API Gateway writes it in the ARN; method, path and stage are exact.',
    );
    return role;
  }
}
