import { PutCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, AuditPage, ListAuditQuery } from '../../../src/contract';
import { documentClient } from './aws-clients';
import { awsErrorName } from './aws-errors';
import { decodeCursor, encodeCursor, notACursor } from './cursor';
import { requireEnv } from './env';
import { TABLES } from './tables';

const PARTITION = 'AUDIT';
/** A filtered page stops after this many reads and hands out a cursor for the rest. */
const MAX_READS_PER_PAGE = 10;

interface AuditItem {
  pk: typeof PARTITION;
  /** `{ISO time}#{request id}`: newest first is a reverse query. */
  sk: string;
  actorUsername: string;
  /** Lower-cased, so the actor filter is an exact match. */
  actorEmail: string;
  action: AuditEntry['action'];
  target: string;
  requestId: string;
  outcome: AuditEntry['outcome'];
  error?: string;
}

const table = () => requireEnv(TABLES.audit.env);

export async function recordAudit(entry: Omit<AuditEntry, 'id' | 'at'>, at: Date): Promise<void> {
  const item: AuditItem = {
    pk: PARTITION,
    sk: `${at.toISOString()}#${entry.requestId}`,
    actorUsername: entry.actor.username,
    actorEmail: entry.actor.email.toLowerCase(),
    action: entry.action,
    target: entry.target,
    requestId: entry.requestId,
    outcome: entry.outcome,
    error: entry.error,
  };
  await documentClient().send(new PutCommand({ TableName: table(), Item: item }));
}

export async function listAudit(query: ListAuditQuery): Promise<AuditPage> {
  const filters: string[] = [];
  const values: Record<string, unknown> = { ':pk': PARTITION };
  if (query.actor) {
    filters.push('actorEmail = :actor');
    values[':actor'] = query.actor.toLowerCase();
  }
  if (query.action) {
    filters.push('#action = :action');
    values[':action'] = query.action;
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
      if (query.action) input.ExpressionAttributeNames = { '#action': 'action' };
    }
    const page = await documentClient()
      .send(new QueryCommand(input))
      .catch((error: unknown) => {
        // A start key DynamoDB cannot use (too long, say) was never one this API handed out.
        if (input.ExclusiveStartKey && awsErrorName(error) === 'ValidationException') {
          throw notACursor();
        }
        throw error;
      });
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
    const page = await documentClient().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND sk >= :since',
        ExpressionAttributeValues: { ':pk': PARTITION, ':since': since.toISOString() },
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
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
    actor: { username: item.actorUsername, email: item.actorEmail },
    action: item.action,
    target: item.target,
    requestId: item.requestId,
    outcome: item.outcome,
    ...(item.error ? { error: item.error } : {}),
  };
}
