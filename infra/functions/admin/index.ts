import { restHandler } from '../shared/rest-handler';
import { announcementHandlers } from './announcements';
import { auditHandlers } from './audit';
import { assertCurrentAccess } from './current-access';
import { groupHandlers } from './groups';
import { userHandlers } from './users';
import { whoamiHandlers } from './whoami';

/** The admin API's one function: API Gateway (AWS_IAM) proxies every admin route here. */
export const handler = restHandler(
  'admin',
  {
    ...whoamiHandlers,
    ...userHandlers,
    ...groupHandlers,
    ...auditHandlers,
    ...announcementHandlers,
  },
  // The role alone is not trusted: the caller's membership now, before every route.
  { beforeRoute: assertCurrentAccess },
);
