import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminApiResourcePolicy,
  connectOriginsOf,
  contentSecurityPolicy,
  expandExecuteApiShorthand,
  GROUP_NAMES,
  groupRolePolicy,
  invokableArns,
  roleArn,
  routePath,
  routesOf,
  type ApiStage,
  type GroupName,
  type HttpMethod,
  type PolicyDocument,
  type RouteDefinition,
} from '@contract';
import { FUNCTION_ACCESS, FUNCTION_NAMES, type FunctionName } from '../functions/function-access';
import type { AccessResources } from '../functions/shared/access';
import { TABLES, type TableName } from '../functions/shared/tables';
import { IamAuthorizer } from '../local/gateway/iam-authorizer';
import { ApiResourcePolicy, combinedDecision } from '../local/gateway/resource-policy';
import { ADMINISTRATOR_ACCESS, LocalAccount } from '../local/iam/account';
import { attachFunctionPolicies, functionRoleArn } from '../local/lambda/function-roles';
import { RouteTable } from '../local/gateway/route-table';
import type { IssuedCredentials } from '../local/iam/credentials';
import { evaluate, type Decision } from '../local/iam/policy-evaluator';
import { resolveIntrinsics, type IntrinsicValues } from './testing/intrinsics';
import {
  FAKE_IDS,
  fakeResourceValues,
  logicalIdOf,
  restApiMethods,
  synthConsole,
  TEST_ACCOUNT,
  TEST_REGION,
  TEST_STAGE,
  type SynthesizedConsole,
} from './testing/synth-console';

/**
 * The cloud and the local stack must authorise the same admin calls. These tests read the
 * synthesized template as AWS would (with made-up resource ids) and put it next to what
 * `src/contract` declares and what the local gateway's own authoriser decides.
 */
const API_ID = FAKE_IDS.adminApi;
const STAGE: ApiStage = {
  region: TEST_REGION,
  accountId: TEST_ACCOUNT,
  apiId: API_ID,
  stage: TEST_STAGE,
};
const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE'];
const NOW = Date.UTC(2026, 10, 21, 9, 0, 0);
const INVOKE = 'execute-api:Invoke';

/** A job's role the deployment names (`-c adminApiAutomationRoles=…`). */
const AUTOMATION_ROLE = `arn:aws:iam::${TEST_ACCOUNT}:role/jobs/NightlyReport`;
const INVOKE_ANYTHING: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: INVOKE, Resource: '*' }],
};
/**
 * Who calls the admin API in the samples, by their ARN: the group roles with their deployed
 * policies, and principals whose own policy is the same in both places.
 */
const CALLERS: Record<string, { arn: string; policy?: PolicyDocument }> = {
  ...Object.fromEntries(GROUP_NAMES.map((group) => [group, { arn: roleArn(TEST_ACCOUNT, group) }])),
  'the named automation role': { arn: AUTOMATION_ROLE, policy: INVOKE_ANYTHING },
  'a role it does not name': {
    arn: `arn:aws:iam::${TEST_ACCOUNT}:role/Unnamed`,
    policy: ADMINISTRATOR_ACCESS,
  },
  'the account administrator (IAM user)': {
    arn: `arn:aws:iam::${TEST_ACCOUNT}:user/administrator`,
    policy: ADMINISTRATOR_ACCESS,
  },
};
const UNNAMED = ['a role it does not name', 'the account administrator (IAM user)'];

let synthesized: SynthesizedConsole;
let values: IntrinsicValues;
/** Each group role's inline policies as deployed, keyed by the role's ARN. */
let cloudPolicies: Map<string, PolicyDocument[]>;
/** The admin API's resource policy as deployed, as API Gateway holds it once saved. */
let cloudResourcePolicy: PolicyDocument;

beforeAll(() => {
  synthesized = synthConsole({
    production: false,
    withBuild: false,
    context: { adminApiAutomationRoles: AUTOMATION_ROLE },
  });
  const { stack } = synthesized;
  values = fakeResourceValues(stack);
  cloudResourcePolicy = resolveResourcePolicy(
    synthesized.resources[logicalIdOf(stack, stack.adminApi.api)]!.Properties!.Policy,
  );
  cloudPolicies = new Map(
    GROUP_NAMES.map((group) => {
      const role = synthesized.resources[logicalIdOf(stack, stack.access.roles[group])]!;
      const arn = `arn:aws:iam::${TEST_ACCOUNT}:role/${String(role.Properties!.RoleName)}`;
      const policies = (role.Properties!.Policies ?? []) as Array<{ PolicyDocument: unknown }>;
      return [arn, policies.map((p) => resolvePolicy(p.PolicyDocument))];
    }),
  );
}, 120_000);
afterAll(() => synthesized?.dispose());

describe("each Lambda function's role, deployed and local", () => {
  /** Made-up ARNs for the resources the functions reach, the same on both sides. */
  const arns: AccessResources = {
    table: (table) => `arn:aws:dynamodb:${TEST_REGION}:${TEST_ACCOUNT}:table/${table}-table`,
    userPool: `arn:aws:cognito-idp:${TEST_REGION}:${TEST_ACCOUNT}:userpool/${FAKE_IDS.userPool}`,
    opsTokenSecret: `arn:aws:secretsmanager:${TEST_REGION}:${TEST_ACCOUNT}:secret:ops-AbCdEf`,
  };
  const deployedStatements = (name: FunctionName) => {
    const { stack, resources } = synthesized;
    const roleId = logicalIdOf(stack, stack.handlers.functions[name].role!.node.defaultChild!);
    const resolved: IntrinsicValues = {
      refs: { [logicalIdOf(stack, stack.opsToken)]: arns.opsTokenSecret },
      attributes: {
        [`${logicalIdOf(stack, stack.users.userPool)}.Arn`]: arns.userPool,
        ...Object.fromEntries(
          (Object.keys(TABLES) as TableName[]).map((table) => [
            `${logicalIdOf(stack, stack.data.tables[table])}.Arn`,
            arns.table(table),
          ]),
        ),
      },
    };
    return Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .filter((r) => JSON.stringify(r.Properties!.Roles).includes(`"${roleId}"`))
      .flatMap((r) => (r.Properties!.PolicyDocument as PolicyDocument).Statement)
      .filter((st) => ![st.Action].flat().every((action) => action.startsWith('logs:')))
      .map((st) => ({
        ...st,
        Resource: [st.Resource].flat().map((r) => resolveIntrinsics(r, resolved)),
      }));
  };
  const local = new LocalAccount();
  attachFunctionPolicies(local, TEST_ACCOUNT, arns);
  const pairs = (statements: PolicyDocument['Statement']) =>
    statements
      .flatMap((st) =>
        [st.Action]
          .flat()
          .flatMap((a) => [st.Resource].flat().map((r) => `${st.Effect} ${a} ${r}`)),
      )
      .sort();

  it.each(FUNCTION_NAMES)('%s: the template grants what the local stack enforces', (name) => {
    const enforced = local
      .policiesOf(functionRoleArn(TEST_ACCOUNT, name))
      .flatMap((p) => p.Statement);
    expect(enforced.length).toBeGreaterThan(0);
    expect(pairs(deployedStatements(name))).toEqual(pairs(enforced));
  });

  it.each(FUNCTION_NAMES)('%s: both decide every store action on every resource alike', (name) => {
    const deployed: PolicyDocument[] = [
      { Version: '2012-10-17', Statement: deployedStatements(name) },
    ];
    const enforced = local.policiesOf(functionRoleArn(TEST_ACCOUNT, name));
    const actions = new Set(
      Object.values(FUNCTION_ACCESS).flatMap((list) => list.flatMap((a) => a.actions)),
    );
    const resources = [
      ...(Object.keys(TABLES) as TableName[]).map(arns.table),
      arns.userPool,
      arns.opsTokenSecret,
    ];
    for (const action of [...actions, 'dynamodb:Scan', 'cognito-idp:AdminSetUserPassword']) {
      for (const resource of resources) {
        expect(evaluate(enforced, action, resource), `${action} on ${resource}`).toBe(
          evaluate(deployed, action, resource),
        );
      }
    }
  });
});

describe('the template, the contract and the local stack', () => {
  it('name each group’s role alike, so cognito:roles maps to the same policy', () => {
    expect([...cloudPolicies.keys()].sort()).toEqual(
      GROUP_NAMES.map((group) => roleArn(TEST_ACCOUNT, group)).sort(),
    );
  });

  it('serve the same admin routes', () => {
    const deployed = restApiMethods(
      synthesized.resources,
      logicalIdOf(synthesized.stack, synthesized.stack.adminApi.api),
    )
      .filter((m) => m.method !== 'OPTIONS')
      .map((m) => `${m.method} ${m.path}`)
      .sort();
    expect(deployed).toEqual(
      routesOf('admin')
        .map(([, r]) => `${r.method} ${r.path}`)
        .sort(),
    );
    // The local gateway's route table finds each deployed route by a concrete path.
    const local = new RouteTable(routesOf('admin'));
    for (const [name, route] of routesOf('admin')) {
      expect(local.find(route.method, samplePath(route))?.name).toBe(name);
    }
  });

  it.each(GROUP_NAMES)('allow %s exactly the invoke ARNs the contract gives it', (group) => {
    const statements = policiesOf(group).flatMap((p) => p.Statement);
    const allowed = statements
      .filter((s) => s.Effect === 'Allow' && [s.Action].flat().includes('execute-api:Invoke'))
      .flatMap((s) => [s.Resource].flat());
    expect(allowed.sort()).toEqual(invokableArns(group, STAGE).sort());
    expect(statements.every((s) => s.Effect === 'Allow')).toBe(true);
  });

  it('hold the same resource policy on the admin API', () => {
    const local = new ApiResourcePolicy(localResourcePolicy(), STAGE);
    expect(sorted(cloudResourcePolicy)).toEqual(sorted(local.document));
  });

  it.each(Object.keys(CALLERS))(
    'decide every sample call by %s as the local gateway’s authoriser does',
    async (name) => {
      const { arn } = CALLERS[name]!;
      const caller = credentialsOf(arn);
      const account = localAccount();
      const authorizer = new IamAuthorizer({
        stage: STAGE,
        now: () => NOW,
        findCredentials: (key) => (key === caller.accessKeyId ? caller : undefined),
        policiesOf: (principal) => account.policiesOf(principal),
        resourcePolicy: new ApiResourcePolicy(localResourcePolicy(), STAGE),
      });
      const samples = sampleCalls();
      expect(samples.length).toBeGreaterThan(routesOf('admin').length * METHODS.length);
      for (const { method, path } of samples) {
        const cloud = cloudDecision(name, invokedResource(method, path));
        const local = await authorizer
          .authorize(await signedCall(caller, method, path), path)
          .then((): Decision => 'Allow')
          .catch((refusal: { status?: number; message: string }): Decision => {
            expect(refusal.status).toBe(403);
            return refusal.message.endsWith(' with an explicit deny')
              ? 'ExplicitDeny'
              : 'ImplicitDeny';
          });
        expect({ name, method, path, decision: cloud }).toEqual({
          name,
          method,
          path,
          decision: local,
        });
      }
    },
  );

  it.each(UNNAMED)('refuse %s every call, however broad its own rights', (name) => {
    for (const { method, path } of sampleCalls()) {
      expect(cloudDecision(name, invokedResource(method, path))).toBe('ExplicitDeny');
    }
  });

  it('let the named automation role call every route its own policy allows', () => {
    for (const [, route] of routesOf('admin')) {
      const resource = invokedResource(route.method, samplePath(route));
      expect(cloudDecision('the named automation role', resource)).toBe('Allow');
    }
  });

  it('let anyone’s preflights through, and no other call without credentials', () => {
    const local = new ApiResourcePolicy(localResourcePolicy(), STAGE);
    for (const path of new Set(routesOf('admin').map(([, route]) => samplePath(route)))) {
      expect(evaluate([cloudResourcePolicy], INVOKE, invokedResource('OPTIONS', path))).toBe(
        'Allow',
      );
      expect(() => local.authorizeAnonymous('OPTIONS', path)).not.toThrow();
      expect(evaluate([cloudResourcePolicy], INVOKE, invokedResource('GET', path))).toBe(
        'ExplicitDeny',
      );
      expect(() => local.authorizeAnonymous('GET', path)).toThrow(/^User: anonymous /);
    }
  });

  it.each(GROUP_NAMES)('let %s call a route exactly when the contract names the group', (group) => {
    for (const [, route] of routesOf('admin')) {
      const resource = `arn:aws:execute-api:${TEST_REGION}:${TEST_ACCOUNT}:${API_ID}/${TEST_STAGE}/${route.method}${samplePath(route)}`;
      expect(
        evaluate(policiesOf(group), 'execute-api:Invoke', resource),
        `${group} ${route.method} ${route.path}`,
      ).toBe(route.groups.includes(group) ? 'Allow' : 'ImplicitDeny');
    }
  });

  it('send the CSP the local preview server sends for the same config.json', () => {
    const { stack } = synthesized;
    const runtimeConfig = Object.fromEntries(
      Object.entries(stack.resolve(stack.runtimeConfig) as Record<string, unknown>).map(
        ([key, value]) => [key, resolveIntrinsics(value, values)],
      ),
    );
    const policy = synthesized.resources[logicalIdOf(stack, stack.site.headersPolicy)]!;
    const cloudCsp = resolveIntrinsics(
      (
        policy.Properties!.ResponseHeadersPolicyConfig as {
          SecurityHeadersConfig: { ContentSecurityPolicy: { ContentSecurityPolicy: unknown } };
        }
      ).SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy,
      values,
    );
    expect(cloudCsp).toBe(
      contentSecurityPolicy(
        connectOriginsOf(runtimeConfig as Parameters<typeof connectOriginsOf>[0]),
      ),
    );
  });
});

function policiesOf(group: GroupName): PolicyDocument[] {
  return cloudPolicies.get(roleArn(TEST_ACCOUNT, group)) ?? [];
}

const invokedResource = (method: string, path: string) =>
  `arn:aws:execute-api:${TEST_REGION}:${TEST_ACCOUNT}:${API_ID}/${TEST_STAGE}/${method}${path}`;

/** What AWS decides from the template: the caller's policy and the API's, combined. */
function cloudDecision(caller: string, resource: string): Decision {
  const { arn, policy } = CALLERS[caller]!;
  const identity = policy ? [policy] : (cloudPolicies.get(arn) ?? []);
  return combinedDecision(
    evaluate(identity, INVOKE, resource),
    evaluate([cloudResourcePolicy], INVOKE, resource, { principalArn: arn }),
    true,
  );
}

/** What the local stack builds: the contract's resource policy, the same automation role. */
const localResourcePolicy = () =>
  adminApiResourcePolicy({ accountId: TEST_ACCOUNT, automationRoleArns: [AUTOMATION_ROLE] });

/** The local account as the stack fills it: the contract's group policies, then the others. */
function localAccount(): LocalAccount {
  const account = new LocalAccount();
  for (const group of GROUP_NAMES) {
    account.attach(roleArn(TEST_ACCOUNT, group), groupRolePolicy(group, STAGE));
  }
  for (const { arn, policy } of Object.values(CALLERS)) if (policy) account.attach(arn, policy);
  return account;
}

/**
 * A resource policy from the template: intrinsics replaced by the made-up values and the
 * `execute-api:/` shorthand expanded as API Gateway does when it saves the policy.
 */
function resolveResourcePolicy(document: unknown): PolicyDocument {
  const doc = document as PolicyDocument;
  return {
    Version: doc.Version,
    Statement: doc.Statement.map((statement) => ({
      ...statement,
      Resource: [statement.Resource]
        .flat()
        .map((r) => expandExecuteApiShorthand(resolveIntrinsics(r, values), STAGE)),
      ...(statement.Condition && {
        Condition: Object.fromEntries(
          Object.entries(statement.Condition).map(([operator, keys]) => [
            operator,
            Object.fromEntries(
              Object.entries(keys).map(([key, list]) => [
                key,
                [list].flat().map((value) => resolveIntrinsics(value, values)),
              ]),
            ),
          ]),
        ),
      }),
    })),
  };
}

/** A policy with its lists in one order, to compare documents CDK may have reordered. */
const sorted = (document: PolicyDocument) =>
  document.Statement.map((statement) => ({
    ...statement,
    Resource: [statement.Resource].flat().sort(),
  }));

/** A policy document with every intrinsic replaced by the made-up values. */
function resolvePolicy(document: unknown): PolicyDocument {
  const doc = document as { Version: '2012-10-17'; Statement: Array<Record<string, unknown>> };
  return {
    Version: doc.Version,
    Statement: doc.Statement.map((statement) => ({
      Effect: statement.Effect as 'Allow' | 'Deny',
      Action: statement.Action as string | string[],
      Resource: [statement.Resource].flat().map((r) => resolveIntrinsics(r, values)),
    })),
  };
}

const SAMPLE_PARAMS = { username: 'alice', group: 'admin', id: '01JD0C0FFEE' };

function samplePath(route: Pick<RouteDefinition, 'path'>, params = SAMPLE_PARAMS): string {
  return routePath(route as RouteDefinition, params);
}

/**
 * Every admin route's path with sample parameters, under every method, plus paths near them
 * that are not routes: a deeper path, a parent, an encoded e-mail as a username.
 */
function sampleCalls(): Array<{ method: HttpMethod; path: string }> {
  const paths = new Set<string>();
  for (const [, route] of routesOf('admin')) {
    paths.add(samplePath(route));
    paths.add(samplePath(route, { ...SAMPLE_PARAMS, username: 'bob@example.com' }));
    paths.add(`${samplePath(route)}/extra`);
  }
  paths.add('/admin');
  paths.add('/admin/unknown');
  paths.add('/api/me');
  return [...paths].flatMap((path) => METHODS.map((method) => ({ method, path })));
}

/**
 * Credentials of a principal: a role session as the identity pool issues them, or an IAM user's
 * long-term key (no session token).
 */
function credentialsOf(principalArn: string): IssuedCredentials {
  const [, , , , account, resource = ''] = principalArn.split(':');
  const user = resource.startsWith('user/');
  const index = String(Object.values(CALLERS).findIndex((c) => c.arn === principalArn));
  return {
    accessKeyId: `${user ? 'AKIA' : 'ASIA'}PARITYCALLER${index.padStart(4, '0')}`,
    // AWS's published example secret key (IAM user guide): not a credential of anyone's.
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    sessionToken: user ? undefined : `session-${index}`,
    roleArn: principalArn,
    assumedRoleArn: user
      ? principalArn
      : `arn:aws:sts::${account}:assumed-role/${resource.split('/').pop()}/CognitoIdentityCredentials`,
    issuedAt: NOW - 60_000,
    expiresAt: NOW + 3_600_000,
  };
}

/** The call as the SPA's signer would send it to the stage, as it arrives on the wire. */
async function signedCall(caller: IssuedCredentials, method: HttpMethod, path: string) {
  const host = `${API_ID}.execute-api.${TEST_REGION}.amazonaws.com`;
  const signer = new SignatureV4({
    credentials: caller,
    region: TEST_REGION,
    service: 'execute-api',
    sha256: Sha256,
  });
  const rawPath = `/${TEST_STAGE}${path}`;
  const signed = await signer.sign(
    new HttpRequest({
      method,
      protocol: 'https:',
      hostname: host,
      path: rawPath,
      headers: { host },
    }),
    { signingDate: new Date(NOW) },
  );
  return {
    method,
    rawPath,
    rawQuery: '',
    headers: Object.fromEntries(
      Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
    ),
    body: Buffer.alloc(0),
    sourceIp: '203.0.113.7',
  };
}
