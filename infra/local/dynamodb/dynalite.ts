import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AwsCredentialIdentity } from '@smithy/types';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  type KeySchemaElement,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { TABLES } from '../../functions/shared/tables';

/** DynamoDB, locally: dynalite persisting to LevelDB under the state directory. */
export function createDynalite(path: string): Server {
  return dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
}

/** A Unix socket's path must fit `sockaddr_un` (108 bytes on Linux, 104 on macOS). */
const MAX_SOCKET_PATH = 100;

/**
 * Where dynalite listens: a Unix socket in the stack's private (0700) state directory, so
 * nothing but the stack reaches it (dynalite checks only that a signature is there, not
 * whose), unlike a loopback port any local process could find. A state directory too deep for
 * a socket path gets a private directory of its own under the system's temporary one.
 */
export function dynaliteSocket(stateDir: string): { path: string; dispose(): void } {
  const inState = join(stateDir, 'dynamodb.sock');
  rmSync(inState, { force: true }); // left by a stack that did not stop cleanly
  if (inState.length <= MAX_SOCKET_PATH) return { path: inState, dispose: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'console-dynalite-')); // 0700
  return {
    path: join(dir, 'dynamodb.sock'),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The local table name for each of the handlers' tables. */
export const localTableNames = (): Record<keyof typeof TABLES, string> => ({
  audit: 'console-audit',
  announcements: 'console-announcements',
  profiles: 'console-profiles',
});

/**
 * Creates the handlers' tables (what the CDK app deploys) unless they exist, through DynamoDB's
 * front as the account's administrator, as a deployment would.
 */
export async function ensureTables(
  endpoint: string,
  region: string,
  credentials: AwsCredentialIdentity,
): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region, credentials });
  try {
    for (const [key, table] of Object.entries(TABLES)) {
      const name = localTableNames()[key as keyof typeof TABLES];
      try {
        await client.send(new DescribeTableCommand({ TableName: name }));
        continue;
      } catch (error) {
        if ((error as Error).name !== 'ResourceNotFoundException') throw error;
      }
      const keys: KeySchemaElement[] = [{ AttributeName: table.partitionKey, KeyType: 'HASH' }];
      if ('sortKey' in table) keys.push({ AttributeName: table.sortKey, KeyType: 'RANGE' });
      await client.send(
        new CreateTableCommand({
          TableName: name,
          KeySchema: keys,
          AttributeDefinitions: keys.map((k) => ({
            AttributeName: k.AttributeName,
            AttributeType: 'S',
          })),
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
    }
  } finally {
    client.destroy();
  }
}
