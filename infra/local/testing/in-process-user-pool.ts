import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AwsError } from '../aws/errors';
import type { JsonService, OperationContext } from '../aws/json-service';
import { StateFile } from '../store/state-file';
import { AuthFlows } from '../user-pool/auth-flows';
import { UserPool, type UserPoolDefinition } from '../user-pool/model';
import { Outbox } from '../user-pool/outbox';
import { userPoolService } from '../user-pool/responses';
import { userPoolStateSchema } from '../user-pool/state';
import type { AuthOutcome, SignInTransport } from './srp-client';

/** Parsed JSON whose shape each test asserts itself. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface InProcessUserPool {
  pool: UserPool;
  outbox: Outbox;
  /** An operation through cognito-idp's wire layer (`responses.ts`), without HTTP. */
  call(operation: string, input: unknown): Promise<Json>;
  /** InitiateAuth and RespondToAuthChallenge for `srpSignIn`. */
  transport: SignInTransport;
  dispose(): void;
}

/**
 * A user pool in this process, in a temporary directory, built from `definition` (the deployed
 * one by default): for pinning what the pool enforces under settings the deployed pool does not
 * have, and for reading what it enforces under the ones it has. IAM is not what these calls are
 * about: admin operations run as an allowed caller; nor are Cognito's request-rate quotas,
 * which only the stack's edge applies (`user-pool/request-quotas.ts`).
 */
export async function openInProcessUserPool(
  options: { definition?: UserPoolDefinition; now?: () => number } = {},
): Promise<InProcessUserPool> {
  const dir = mkdtempSync(join(tmpdir(), 'user-pool-'));
  const now = options.now ?? Date.now;
  const outbox = new Outbox(new StateFile(join(dir, 'outbox.json'), Outbox.schema), now);
  const pool = await UserPool.open({
    file: new StateFile(join(dir, 'user-pool.json'), userPoolStateSchema),
    outbox,
    edgeUrl: 'http://127.0.0.1:4566',
    region: 'ap-northeast-1',
    accountId: '000000000000',
    now,
    definition: options.definition,
  }).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  const service: JsonService = userPoolService(pool, new AuthFlows(pool));
  const call = async (operation: string, input: unknown) => {
    const context: OperationContext = {
      headers: {},
      sourceIp: '127.0.0.1',
      operation,
      authenticate: async () => {},
      authorize: async () => {},
    };
    const run = service.operations[operation];
    if (!run) throw new AwsError('UnknownOperationException', `Unknown operation ${operation}`);
    return run(input, context);
  };
  return {
    pool,
    outbox,
    call,
    transport: {
      initiateAuth: (input) => call('InitiateAuth', input) as Promise<AuthOutcome>,
      respondToAuthChallenge: (input) =>
        call('RespondToAuthChallenge', input) as Promise<AuthOutcome>,
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
