import { AUTOMATION_ROLE_ARN } from '@contract';

/**
 * What varies between deployments, read from CDK context (`-c stage=prod`) or the CLI's
 * environment. Everything else is fixed by the contract.
 */
export interface DeploymentSettings {
  /** Names the stack (`CognitoIamConsole-{stage}`) and the REST APIs' stage. */
  stage: string;
  /** Production keeps its users and data when the stack is deleted and refuses deletion. */
  production: boolean;
  /** Concrete, so synth needs no lookups; the account may stay unresolved until deploy. */
  region: string;
  account: string | undefined;
  /** The ops API's allowed source CIDRs: the default of the stack's `OpsAllowedCidrs` parameter. */
  opsAllowedCidrs: string;
  /**
   * Roles of this account that may invoke the admin API besides the group roles (a job's, a
   * pipeline's), named in its resource policy; each still needs its own `execute-api:Invoke`.
   */
  adminApiAutomationRoles: string[];
}

/** The region the local stack emulates; used when neither context nor the CLI names one. */
export const DEFAULT_REGION = 'ap-northeast-1';
export const DEFAULT_STAGE = 'dev';
/** No request reaches API Gateway from loopback, so until it is set nobody may call ops. */
export const NOBODY_CIDR = '127.0.0.1/32';

const STAGE_PATTERN = /^[a-z][a-z0-9-]{0,19}$/;
/** A comma-separated list of IPv4/IPv6 CIDRs, checked again by the ops authorizer. */
export const CIDR_LIST_PATTERN = '^[0-9a-fA-F:.]+/\\d{1,3}(,[0-9a-fA-F:.]+/\\d{1,3})*$';

export const stackNameOf = (stage: string) => `CognitoIamConsole-${stage}`;

type Context = (key: string) => unknown;

export function readDeploymentSettings(
  context: Context,
  env: NodeJS.ProcessEnv = process.env,
): DeploymentSettings {
  const text = (key: string) => {
    const value = context(key);
    return value === undefined || value === null || value === '' ? undefined : String(value);
  };
  const stage = text('stage') ?? DEFAULT_STAGE;
  if (!STAGE_PATTERN.test(stage)) {
    throw new Error(`stage must be lower-case letters, digits and dashes (got "${stage}")`);
  }
  const production =
    text('production') === undefined ? stage === 'prod' : text('production') === 'true';
  const opsAllowedCidrs = (text('opsAllowedCidrs') ?? NOBODY_CIDR).replace(/\s+/g, '');
  if (!new RegExp(CIDR_LIST_PATTERN).test(opsAllowedCidrs)) {
    throw new Error(`opsAllowedCidrs must be comma-separated CIDRs (got "${opsAllowedCidrs}")`);
  }
  const account = text('account') ?? env.CDK_DEFAULT_ACCOUNT;
  return {
    stage,
    production,
    region: text('region') ?? env.CDK_DEFAULT_REGION ?? DEFAULT_REGION,
    account,
    opsAllowedCidrs,
    adminApiAutomationRoles: automationRoles(text('adminApiAutomationRoles'), account),
  };
}

/**
 * `arn:aws:iam::123456789012:role/Name,…` (or a list in cdk.json): plain role ARNs of the
 * stack's account. Another account's role would need an Allow in the resource policy too
 * (API Gateway's cross-account rule), which it does not give, so it is refused here.
 */
function automationRoles(list: string | undefined, account: string | undefined): string[] {
  const arns = (list ?? '')
    .split(',')
    .map((arn) => arn.trim())
    .filter(Boolean);
  for (const arn of arns) {
    if (!AUTOMATION_ROLE_ARN.test(arn)) {
      throw new Error(
        `adminApiAutomationRoles must be comma-separated IAM role ARNs without wildcards, such as arn:aws:iam::123456789012:role/Name (got "${arn}")`,
      );
    }
    const roleAccount = arn.split(':')[4];
    if (account && roleAccount !== account) {
      throw new Error(
        `adminApiAutomationRoles must be roles of the stack's account ${account} (got "${arn}"): API Gateway admits another account's role only if the resource policy allows it, and this one only denies`,
      );
    }
  }
  return [...new Set(arns)];
}
