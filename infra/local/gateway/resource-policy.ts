import { expandExecuteApiShorthand, type ApiStage, type PolicyDocument } from '@contract';
import { evaluate, type Decision } from '../iam/policy-evaluator';
import { accessDenied } from './gateway-response';

const INVOKE = 'execute-api:Invoke';

/** `arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}{path}`: what a call invokes. */
export const invokedArn = (stage: ApiStage, method: string, resourcePath: string) =>
  `arn:${stage.partition ?? 'aws'}:execute-api:${stage.region}:${stage.accountId}:${stage.apiId}/${stage.stage}/${method}${resourcePath}`;

/**
 * API Gateway's policy evaluation outcome tables ("How API Gateway resource policies affect
 * authorization workflow"): in the API's own account, either the identity policy or the
 * resource policy may allow (Table A); from another account both must (Table B). An explicit
 * Deny in either wins.
 */
export function combinedDecision(
  identity: Decision,
  resource: Decision,
  sameAccount: boolean,
): Decision {
  if (identity === 'ExplicitDeny' || resource === 'ExplicitDeny') return 'ExplicitDeny';
  const allowed = sameAccount
    ? identity === 'Allow' || resource === 'Allow'
    : identity === 'Allow' && resource === 'Allow';
  return allowed ? 'Allow' : 'ImplicitDeny';
}

/**
 * A REST API's resource policy as API Gateway holds it once saved (the `execute-api:/`
 * shorthand expanded to this API's ARN), evaluated for `execute-api:Invoke` on a call.
 */
export class ApiResourcePolicy {
  /** The document as saved: every `execute-api:/…` resource spelled out as this API's ARN. */
  readonly document: PolicyDocument;

  constructor(
    document: PolicyDocument,
    private readonly stage: ApiStage,
  ) {
    this.document = {
      ...document,
      Statement: document.Statement.map((statement) => ({
        ...statement,
        Resource: [statement.Resource].flat().map((r) => expandExecuteApiShorthand(r, stage)),
      })),
    };
  }

  /** The policy's decision for a caller (`aws:PrincipalArn`; undefined for anonymous). */
  decide(principalArn: string | undefined, resourceArn: string): Decision {
    return evaluate([this.document], INVOKE, resourceArn, { principalArn });
  }

  /**
   * A method without authorisation (the CORS preflights): the resource policy alone decides,
   * and only an explicit Allow lets the anonymous caller in ("API Gateway resource policy
   * only"); else 403 `User: anonymous is not authorized …`.
   */
  authorizeAnonymous(method: string, resourcePath: string): void {
    const resource = invokedArn(this.stage, method, resourcePath);
    const decision = this.decide(undefined, resource);
    if (decision !== 'Allow') {
      throw accessDenied('anonymous', resource, this.stage.accountId, decision);
    }
  }
}
