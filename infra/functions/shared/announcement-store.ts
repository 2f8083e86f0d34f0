import { randomUUID } from 'node:crypto';
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { tableAccess } from './access';
import type { Announcement, PostAnnouncementBody } from '@contract';
import { withStore } from './data-store';
import { requireEnv } from './env';
import { notFound } from './http-error';
import { sortableId } from './sortable-id';
import { TABLES } from './tables';

const PARTITION = 'ANNOUNCEMENT';
/** The board shows the most recent ones; older ones stay stored. */
const LIST_LIMIT = 100;

const table = () => requireEnv(TABLES.announcements.env);

/** What each operation sends to the announcements table (see `access.ts`). */
export const ANNOUNCEMENT_STORE_ACCESS = {
  post: tableAccess('announcements', 'dynamodb:PutItem'),
  list: tableAccess('announcements', 'dynamodb:Query'),
  delete: tableAccess('announcements', 'dynamodb:DeleteItem'),
} as const;

export async function postAnnouncement(
  input: PostAnnouncementBody,
  author: { username: string; shownAs: string },
  now: Date,
): Promise<Announcement> {
  const announcement: Announcement = {
    id: sortableId(now.getTime()),
    title: input.title,
    body: input.body,
    author: author.shownAs,
    authorUsername: author.username,
    createdAt: now.toISOString(),
  };
  // The token lets the SDK's retry of a put that did land (its answer timed out) succeed
  // rather than fail its own condition and report a stored announcement as an error.
  const writeId = randomUUID();
  await withStore((db) =>
    db.send(
      new PutCommand({
        TableName: table(),
        Item: { pk: PARTITION, ...announcement, writeId },
        ConditionExpression: 'attribute_not_exists(id) OR writeId = :writeId',
        ExpressionAttributeValues: { ':writeId': writeId },
      }),
    ),
  );
  return announcement;
}

export async function listAnnouncements(): Promise<Announcement[]> {
  const page = await withStore((db) =>
    db.send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': PARTITION },
        ScanIndexForward: false,
        Limit: LIST_LIMIT,
      }),
    ),
  );
  return (page.Items ?? []).map(({ id, title, body, author, authorUsername, createdAt }) => ({
    id: id as string,
    title: title as string,
    body: body as string,
    author: author as string,
    // Announcements stored before authors were recorded by `sub` have only the e-mail.
    authorUsername: (authorUsername as string | undefined) ?? '',
    createdAt: createdAt as string,
  }));
}

/**
 * Deletes an announcement and answers its title, so the audit log can name what went; no
 * title when an SDK retry finds it already deleted by its own first attempt.
 */
export async function deleteAnnouncement(id: string): Promise<{ title?: string }> {
  try {
    const deleted = await withStore((db) =>
      db.send(
        new DeleteCommand({
          TableName: table(),
          Key: { pk: PARTITION, id },
          ConditionExpression: 'attribute_exists(id)',
          // The item as it was: no read beforehand, and no permission beyond DeleteItem.
          ReturnValues: 'ALL_OLD',
        }),
      ),
    );
    const title = deleted.Attributes?.title as string | undefined;
    return title === undefined ? {} : { title };
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') {
      // After a retry the item may be gone because the first attempt deleted it: done.
      if (((error as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1) > 1) {
        return {};
      }
      throw notFound('No such announcement.', 'AnnouncementNotFound');
    }
    throw error;
  }
}
