import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { AuditedAction } from '../../../src/contract';
import { recordAudit } from '../shared/audit-log';
import { awsErrorName } from '../shared/aws-errors';
import { HttpError } from '../shared/http-error';
import { actorOf, type Actor } from './caller';

/**
 * Runs an admin mutation and records it once in the audit log: `success` after it happened,
 * or `failure` with the reason when the service refused it. Faults are thrown unrecorded, as
 * nothing is known to have happened.
 */
export async function audited<T>(
  event: APIGatewayProxyEvent,
  action: AuditedAction,
  target: string,
  mutation: (audit: { target: string; readonly actor: Actor }) => Promise<T>,
): Promise<T> {
  const actor = await actorOf(event);
  // The mutation may name its target better once it has read it (a username → an e-mail).
  const audit = { target, actor };
  const entry = () => ({
    actor,
    action,
    target: audit.target,
    requestId: event.requestContext.requestId,
  });
  let result: T;
  try {
    result = await mutation(audit);
  } catch (error) {
    const refusal = error instanceof HttpError ? error.details.code : undefined;
    const reason = refusal ?? (isServiceRefusal(error) ? awsErrorName(error) : undefined);
    if (reason) await recordAudit({ ...entry(), outcome: 'failure', error: reason }, new Date());
    throw error;
  }
  await recordAudit({ ...entry(), outcome: 'success' }, new Date());
  return result;
}

/** An AWS error the service answered for the request (4xx), not a fault of ours or theirs. */
function isServiceRefusal(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}
