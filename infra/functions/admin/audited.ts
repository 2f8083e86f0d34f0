import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { AuditedAction } from '@contract';
import { beginAudit, settleAudit, type AuditOutcome, type PendingAudit } from '../shared/audit-log';
import { awsErrorName } from '../shared/aws-errors';
import { HttpError } from '../shared/http-error';
import { batchOf } from './batch';
import { actorOf, type Actor } from './caller';
import { accessRevoked } from './refusals';

/**
 * Runs an admin mutation with its audit entry written ahead of it (write-ahead), so nothing
 * happens that the log was not told of first:
 *
 * - the entry is written `pending` before the mutation; if the data store cannot take it, the
 *   caller gets 503 and the mutation never starts;
 * - then it is settled: `success` after the mutation, or `failure` with the reason when the
 *   service refused it;
 * - a fault (a 5xx, the store or Cognito unreachable) leaves it `pending`: whether the action
 *   happened is unknown, and the log says so rather than guessing either way.
 *
 * If the store fails between the two writes, the mutation's answer still stands (it happened,
 * and answering 503 would invite a retry that repeats it) and the entry stays `pending`.
 */
export async function audited<T>(
  event: APIGatewayProxyEvent,
  action: AuditedAction,
  target: string,
  mutation: (audit: { target: string; readonly actor: Actor }) => Promise<T>,
): Promise<T> {
  const batch = batchOf(event);
  const actor = await actorOf(event);
  const requestId = event.requestContext.requestId;
  // The mutation may name its target better once it has read it (a username → an e-mail).
  const audit = { target, actor };
  const pending = await beginAudit({ actor, action, target, requestId, batch }, new Date());
  let result: T;
  try {
    // A disabled user's credentials may outlive the disabling: they act as nobody.
    if (!actor.enabled) throw accessRevoked();
    result = await mutation(audit);
  } catch (error) {
    const reason = refusalReason(error);
    if (reason) await settle(pending, audit.target, { outcome: 'failure', error: reason });
    throw error;
  }
  await settle(pending, audit.target, { outcome: 'success' });
  return result;
}

/**
 * Records a mutation refused before it began (the caller's access was checked and failed):
 * the log shows the attempt, by whom, on what, and why it was refused.
 */
export async function recordRefusal(
  event: APIGatewayProxyEvent,
  action: AuditedAction,
  refusal: HttpError,
): Promise<void> {
  const actor = await actorOf(event);
  // As API Gateway passes it: already decoded once (decoding again could throw on a `%`).
  const target = event.path;
  const requestId = event.requestContext.requestId;
  // A malformed batch id does not stop the refusal being recorded; it is left out.
  const batch = (() => {
    try {
      return batchOf(event);
    } catch {
      return undefined;
    }
  })();
  const pending = await beginAudit({ actor, action, target, requestId, batch }, new Date());
  await settle(pending, target, { outcome: 'failure', error: refusal.details.code ?? 'Refused' });
}

/** Settles the entry; if the store has gone away since it was written, it stays pending. */
async function settle(pending: PendingAudit, target: string, outcome: AuditOutcome) {
  try {
    await settleAudit(pending, target, outcome);
  } catch (error) {
    console.error(
      `Audit entry ${pending.sk} left pending (outcome ${outcome.outcome} not recorded):`,
      error,
    );
  }
}

/**
 * Why the mutation was refused, when it was: our own 4xx with a code, or an AWS service's 4xx
 * answer. Anything else is a fault, and says nothing about whether the action happened.
 */
function refusalReason(error: unknown): string | undefined {
  if (error instanceof HttpError) return error.status < 500 ? error.details.code : undefined;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return typeof status === 'number' && status >= 400 && status < 500
    ? awsErrorName(error)
    : undefined;
}
