import type { Server } from 'node:http';
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

/** The local table name for each of the handlers' tables. */
export const localTableNames = (): Record<keyof typeof TABLES, string> => ({
  audit: 'console-audit',
  announcements: 'console-announcements',
  profiles: 'console-profiles',
});

/** Creates the handlers' tables (what the CDK app deploys) unless they exist. */
export async function ensureTables(endpoint: string, region: string): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region,
    // dynalite checks that requests are signed, not by whom.
    credentials: { accessKeyId: 'AKIAEXAMPLESTACKSET0', secretAccessKey: 'local' },
  });
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
