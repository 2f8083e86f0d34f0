import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { findRoute, GROUPS, type OpsHealth, type OpsStats } from '@contract';
import { countAuditSince } from '../shared/audit-log';
import { HttpError } from '../shared/http-error';
import { countGroupMembers, countUsers } from '../shared/user-directory';

const DAY_MS = 24 * 3600 * 1000;

const handlers = {
  opsHealth: async (): Promise<OpsHealth> => ({ status: 'ok', time: new Date().toISOString() }),
  opsStats: async (): Promise<OpsStats> => {
    const now = new Date();
    const [users, admins, adminActionsLast24h] = await Promise.all([
      countUsers(),
      countGroupMembers(GROUPS.admin.name),
      countAuditSince(new Date(now.getTime() - DAY_MS)),
    ]);
    return { users, admins, adminActionsLast24h, generatedAt: now.toISOString() };
  },
};

/** The ops API's function (HTTP API, payload v2), behind the ops Lambda authorizer. */
export async function handler(
  event: APIGatewayProxyEventV2,
): Promise<APIGatewayProxyStructuredResultV2> {
  const found = findRoute('ops', event.requestContext.http.method, event.rawPath);
  const name = found?.[0];
  if (name !== 'opsHealth' && name !== 'opsStats') {
    return { statusCode: 404, body: JSON.stringify({ message: 'Not Found' }) };
  }
  const headers = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };
  try {
    return { statusCode: 200, headers, body: JSON.stringify(await handlers[name]()) };
  } catch (error) {
    // The data store being down is an answer (503), not a fault of the function.
    if (error instanceof HttpError) {
      return { statusCode: error.status, headers, body: JSON.stringify(error.body) };
    }
    throw error;
  }
}
