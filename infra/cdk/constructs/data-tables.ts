import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLES, type TableName } from '../../functions/shared/tables';
import { pascalCase as pascal } from '../naming';

export interface DataTablesProps {
  /** Keep the tables (and refuse to delete them) when the stack goes. */
  production: boolean;
}

/**
 * The handlers' DynamoDB tables, one per entry of `TABLES`: on-demand (nothing to pay at rest
 * but storage), encrypted with the AWS-managed key, with point-in-time recovery.
 */
export class DataTables extends Construct {
  readonly tables: Readonly<Record<TableName, Table>>;

  constructor(scope: Construct, id: string, props: DataTablesProps) {
    super(scope, id);
    const entries = Object.entries(TABLES) as Array<[TableName, (typeof TABLES)[TableName]]>;
    this.tables = Object.fromEntries(
      entries.map(([name, definition]) => [
        name,
        new Table(this, pascal(name), {
          partitionKey: { name: definition.partitionKey, type: AttributeType.STRING },
          ...('sortKey' in definition
            ? { sortKey: { name: definition.sortKey, type: AttributeType.STRING } }
            : {}),
          billingMode: BillingMode.PAY_PER_REQUEST,
          encryption: TableEncryption.AWS_MANAGED,
          pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
          deletionProtection: props.production,
          removalPolicy: props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        }),
      ]),
    ) as Record<TableName, Table>;
  }
}
