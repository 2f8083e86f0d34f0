/**
 * The DynamoDB tables the handlers use: their key schema (all string keys) and the variable
 * that names each table. The CDK app and the local stack both create them from this.
 */
export interface TableDefinition {
  /** The environment variable the handlers read the table's name from. */
  readonly env: string;
  readonly partitionKey: string;
  readonly sortKey?: string;
}

export const TABLES = {
  /** Every admin mutation: one partition, sorted by time, read newest first. */
  audit: { env: 'AUDIT_TABLE', partitionKey: 'pk', sortKey: 'sk' },
  /** Announcements: one partition, ids sort by creation time. */
  announcements: { env: 'ANNOUNCEMENTS_TABLE', partitionKey: 'pk', sortKey: 'id' },
  /** Each user's preferences, by username (the user pool's `sub`). */
  profiles: { env: 'PROFILES_TABLE', partitionKey: 'username' },
} as const satisfies Record<string, TableDefinition>;

export type TableName = keyof typeof TABLES;
