import { listAudit } from '../shared/audit-log';
import type { RouteHandlers } from '../shared/rest-handler';

export const auditHandlers: Pick<RouteHandlers<'admin'>, 'listAudit'> = {
  listAudit: ({ query }) => listAudit(query),
};
