import { DeleteCommand, DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { announcementHandlers } from './announcements';

const ID = '01jc0000000000000000000000';

/** A signed call from an IAM caller that is no Cognito user: no user-pool lookup. */
const event = {
  requestContext: {
    requestId: 'req-1',
    identity: { userArn: 'arn:aws:iam::000000000000:role/Automation' },
  },
} as unknown as APIGatewayProxyEvent;

beforeEach(() => {
  vi.stubEnv('AUDIT_TABLE', 'audit');
  vi.stubEnv('ANNOUNCEMENTS_TABLE', 'announcements');
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** The store's answers: the deleted item's old attributes, and every audit write seen. */
function store(deleted: Record<string, unknown> | undefined) {
  const settled: Array<Record<string, unknown>> = [];
  vi.spyOn(DynamoDBDocumentClient.prototype, 'send').mockImplementation(
    async (command: unknown) => {
      if (command instanceof DeleteCommand) {
        if (!deleted) {
          throw Object.assign(new Error('The conditional request failed'), {
            name: 'ConditionalCheckFailedException',
            $metadata: { httpStatusCode: 400, attempts: 1 },
          });
        }
        return { Attributes: deleted };
      }
      if (command instanceof UpdateCommand) {
        settled.push(command.input.ExpressionAttributeValues ?? {});
      }
      return {};
    },
  );
  return settled;
}

describe('deleteAnnouncement', () => {
  it('names the deleted announcement in the audit log by its title, as its post did', async () => {
    const settled = store({ pk: 'ANNOUNCEMENT', id: ID, title: 'Maintenance', body: 'x' });

    await announcementHandlers.deleteAnnouncement({ params: { id: ID } } as never, event);

    expect(settled).toEqual([
      expect.objectContaining({ ':outcome': 'success', ':target': `Maintenance (${ID})` }),
    ]);
  });

  it('names a missing announcement by the id asked for, refused as not found', async () => {
    const settled = store(undefined);

    await expect(
      announcementHandlers.deleteAnnouncement({ params: { id: ID } } as never, event),
    ).rejects.toMatchObject({ status: 404 });

    expect(settled).toEqual([
      expect.objectContaining({
        ':outcome': 'failure',
        ':target': ID,
        ':error': 'AnnouncementNotFound',
      }),
    ]);
  });
});
