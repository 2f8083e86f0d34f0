import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { tableAccess } from './access';
import type { Language } from '@contract';
import { withStore } from './data-store';
import { requireEnv } from './env';
import { TABLES } from './tables';

/** What each operation sends to the profiles table (see `access.ts`). */
export const PROFILE_STORE_ACCESS = {
  read: tableAccess('profiles', 'dynamodb:GetItem'),
  save: tableAccess('profiles', 'dynamodb:PutItem'),
} as const;

export interface StoredPreferences {
  displayName: string;
  language: Language;
  version: number;
}

const DEFAULT_PREFERENCES: StoredPreferences = { displayName: '', language: 'en', version: 0 };

const table = () => requireEnv(TABLES.profiles.env);

export async function readPreferences(username: string): Promise<StoredPreferences> {
  const { Item } = await withStore((db) =>
    db.send(new GetCommand({ TableName: table(), Key: { username }, ConsistentRead: true })),
  );
  if (!Item) return DEFAULT_PREFERENCES;
  return {
    displayName: Item.displayName as string,
    language: Item.language as Language,
    version: Item.version as number,
  };
}

/**
 * Saves preferences only if the stored version is still `expectedVersion` (0: none stored
 * yet). Returns the saved preferences, or undefined when another save got there first.
 */
export async function savePreferences(
  username: string,
  input: Omit<StoredPreferences, 'version'>,
  expectedVersion: number,
  now: Date,
): Promise<StoredPreferences | undefined> {
  const saved = { ...input, version: expectedVersion + 1 };
  // The token lets the SDK's retry of a save that did land (its answer timed out) succeed,
  // where the version check alone would call our own save "changed elsewhere".
  const writeId = randomUUID();
  const unchanged =
    expectedVersion === 0 ? 'attribute_not_exists(username)' : 'version = :expected';
  try {
    await withStore((db) =>
      db.send(
        new PutCommand({
          TableName: table(),
          Item: { username, ...saved, updatedAt: now.toISOString(), writeId },
          ConditionExpression: `${unchanged} OR writeId = :writeId`,
          ExpressionAttributeValues: {
            ':writeId': writeId,
            ...(expectedVersion === 0 ? {} : { ':expected': expectedVersion }),
          },
        }),
      ),
    );
    return saved;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return undefined;
    throw error;
  }
}
