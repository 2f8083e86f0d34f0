import { describe, expect, it } from 'vitest';
import { permissionsFor } from './iam-front';

const body = (input: unknown) => Buffer.from(JSON.stringify(input));

describe('what IAM checks for a DynamoDB request', () => {
  it('checks an item operation on its table, and a query on an index on the index', () => {
    expect(permissionsFor('GetItem', body({ TableName: 'T', Key: {} }))).toEqual([
      { action: 'dynamodb:GetItem', resource: 'table/T' },
    ]);
    expect(permissionsFor('Query', body({ TableName: 'T', IndexName: 'byDate' }))).toEqual([
      { action: 'dynamodb:Query', resource: 'table/T/index/byDate' },
    ]);
  });

  it('checks a batch on every table it names', () => {
    expect(permissionsFor('BatchWriteItem', body({ RequestItems: { A: [], B: [] } }))).toEqual([
      { action: 'dynamodb:BatchWriteItem', resource: 'table/A' },
      { action: 'dynamodb:BatchWriteItem', resource: 'table/B' },
    ]);
  });

  it('checks a tag operation on the ARN it names', () => {
    const arn = 'arn:aws:dynamodb:ap-northeast-1:000000000000:table/T';
    expect(permissionsFor('TagResource', body({ ResourceArn: arn, Tags: [] }))).toEqual([
      { action: 'dynamodb:TagResource', resource: arn },
    ]);
  });

  it('checks ListTables on every table', () => {
    expect(permissionsFor('ListTables', body({}))).toEqual([
      { action: 'dynamodb:ListTables', resource: 'table/*' },
    ]);
  });

  it('fails closed when a request names nothing IAM could check', () => {
    expect(permissionsFor('Scan', body({}))).toEqual([
      { action: 'dynamodb:Scan', resource: 'table/(none named)' },
    ]);
    expect(permissionsFor('Scan', body([]))).toEqual([
      { action: 'dynamodb:Scan', resource: 'table/(none named)' },
    ]);
  });

  it('leaves a body that is not JSON to DynamoDB’s own SerializationException', () => {
    expect(permissionsFor('Scan', Buffer.from('{nope'))).toEqual([]);
  });
});
