import {
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, AuditPage, ListAuditQuery } from '@contract';
import { tableAccess } from './access';
import { awsErrorName } from './aws-errors';
import { decodeCursor, encodeCursor, notACursor } from './cursor';
import { withStore } from './data-store';
import { requireEnv } from './env';
import { TABLES } from './tables';

const PARTITION = 'AUDIT';
/** A filtered page stops after this many reads and hands out a cursor for the rest. */
const MAX_READS_PER_PAGE = 10;

interface AuditItem {
  pk: typeof PARTITION;
  /** `{ISO time}#{request id}`: newest first is a reverse query. */
  sk: string;
  /** The actor's user-pool `sub` (or an IAM caller's ARN). */
  actorUsername: string;
  /** Their verified e-mail at the time, lower-cased so the actor filter is an exact match. */
  actorEmail?: string;
  action: AuditEntry['action'];
  target: string;
  requestId: string;
  outcome: AuditEntry['outcome'];
  error?: string;
  batch?: string;
}

const table = () => requireEnv(TABLES.audit.env);

/** What each part of the log sends to its table (see `access.ts`). */
export const AUDIT_LOG_ACCESS = {
  /** `beginAudit` (PutItem) and `settleAudit` (UpdateItem). */
  record: tableAccess('audit', 'dynamodb:PutItem', 'dynamodb:UpdateItem'),
  /** `listAudit` and `countAuditSince`. */
  read: tableAccess('audit', 'dynamodb:Query'),
} as const;

/** Who did what to which target in which request: what an entry says before its outcome. */
export type AuditAttempt = Pick<AuditEntry, 'actor' | 'action' | 'target' | 'requestId' | 'batch'>;

/** The outcome an attempt settles on: it happened, or the service refused it and why. */
export type AuditOutcome = { outcome: 'success' } | { outcome: 'failure'; error: string };

/** Where a pending entry is, to settle it. */
export interface PendingAudit {
  pk: typeof PARTITION;
  sk: string;
}

/**
 * Writes an attempt as `pending` before the action runs (write-ahead). If the store cannot
 * take it, this throws (503) and the action never starts, so nothing happens unaudited.
 */
export async function beginAudit(attempt: AuditAttempt, at: Date): Promise<PendingAudit> {
  const key: PendingAudit = { pk: PARTITION, sk: `${at.toISOString()}#${attempt.requestId}` };
  const item: AuditItem = {
    ...key,
    actorUsername: attempt.actor.username,
    ...(attempt.actor.email ? { actorEmail: attempt.actor.email.toLowerCase() } : {}),
    action: attempt.action,
    target: attempt.target,
    requestId: attempt.requestId,
    outcome: 'pending',
    ...(attempt.batch ? { batch: attempt.batch } : {}),
  };
  await withStore((db) =>
    db.send(
      new PutCommand({
        TableName: table(),
        Item: item,
        // The key holds the request id: only this request's own earlier attempt (an SDK retry
        // after a timeout) can be there, and only while still pending.
        ConditionExpression: 'attribute_not_exists(sk) OR outcome = :pending',
        ExpressionAttributeValues: { ':pending': 'pending' },
      }),
    ),
  );
  return key;
}

/**
 * Settles a pending entry once, with its outcome and the target as the action named it
 * (an e-mail for a username, say). An entry left pending means its outcome is unknown.
 */
export async function settleAudit(
  key: PendingAudit,
  target: string,
  result: AuditOutcome,
): Promise<void> {
  const failed = result.outcome === 'failure';
  await withStore((db) =>
    db.send(
      new UpdateCommand({
        TableName: table(),
        Key: key,
        UpdateExpression: `SET outcome = :outcome, target = :target${failed ? ', #error = :error' : ''}`,
        // Settled once; a retry of a settlement that landed finds its own outcome there.
        ConditionExpression: 'outcome = :pending OR outcome = :outcome',
        ExpressionAttributeNames: failed ? { '#error': 'error' } : undefined,
        ExpressionAttributeValues: {
          ':outcome': result.outcome,
          ':target': target,
          ':pending': 'pending',
          ...(failed ? { ':error': result.error } : {}),
        },
      }),
    ),
  );
}

export async function listAudit(query: ListAuditQuery): Promise<AuditPage> {
  const filters: string[] = [];
  const values: Record<string, unknown> = { ':pk': PARTITION };
  // Placeholders spare checking each name against DynamoDB's reserved words (`action` is one).
  const names: Record<string, string> = {};
  if (query.actor) {
    filters.push('actorEmail = :actor');
    values[':actor'] = query.actor.toLowerCase();
  }
  if (query.action) {
    filters.push('#action = :action');
    names['#action'] = 'action';
    values[':action'] = query.action;
  }
  if (query.batch) {
    filters.push('#batch = :batch');
    names['#batch'] = 'batch';
    values[':batch'] = query.batch;
  }
  const entries: AuditEntry[] = [];
  let startKey = decodeCursor(query.cursor, [TABLES.audit.partitionKey, TABLES.audit.sortKey]);
  if (startKey && (startKey.pk !== PARTITION || !startKey.sk)) throw notACursor();
  // Each read evaluates at most the entries still missing, so a page never overshoots and
  // the last read's key is exactly where the next page starts.
  for (let reads = 0; reads < MAX_READS_PER_PAGE && entries.length < query.limit; reads++) {
    const input: QueryCommandInput = {
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: values,
      ScanIndexForward: false,
      Limit: query.limit - entries.length,
      ExclusiveStartKey: startKey,
    };
    if (filters.length) {
      input.FilterExpression = filters.join(' AND ');
      // DynamoDB refuses an empty map (ValidationException), as it does an unused name.
      if (Object.keys(names).length) input.ExpressionAttributeNames = names;
    }
    const page = await withStore((db) => db.send(new QueryCommand(input))).catch(
      (error: unknown) => {
        // A start key DynamoDB cannot use (too long, say) was never one this API handed out.
        if (input.ExclusiveStartKey && awsErrorName(error) === 'ValidationException') {
          throw notACursor();
        }
        throw error;
      },
    );
    entries.push(...((page.Items ?? []) as AuditItem[]).map(toEntry));
    startKey = page.LastEvaluatedKey as Record<string, string> | undefined;
    if (!startKey) break;
  }
  return { entries, nextCursor: encodeCursor(startKey) };
}

/** How many audit entries were written at or after `since`. */
export async function countAuditSince(since: Date): Promise<number> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await withStore((db) =>
      db.send(
        new QueryCommand({
          TableName: table(),
          KeyConditionExpression: 'pk = :pk AND sk >= :since',
          ExpressionAttributeValues: { ':pk': PARTITION, ':since': since.toISOString() },
          Select: 'COUNT',
          ExclusiveStartKey: startKey,
        }),
      ),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}

function toEntry(item: AuditItem): AuditEntry {
  return {
    id: item.requestId,
    at: item.sk.slice(0, item.sk.indexOf('#')),
    actor: { username: item.actorUsername, email: item.actorEmail ?? null },
    action: item.action,
    target: item.target,
    requestId: item.requestId,
    outcome: item.outcome,
    ...(item.error ? { error: item.error } : {}),
    ...(item.batch ? { batch: item.batch } : {}),
  };
}
