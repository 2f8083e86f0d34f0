import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { routeQuery } from '../../../api/route-queries';
import { ADMIN_SCREENS } from '../../../app/admin-screens';
import { useSignedInSession } from '../../../auth/session-context';
import type { UserDetail } from '@contract';
import { Notice } from '../../../ui/Notice';
import { useScreen } from '../../../ui/screen';
import { isSelf } from './is-self';
import { UserActions } from './UserActions';
import { UserDetails } from './UserDetails';
import { UserGroupsTable } from './UserGroupsTable';
import { loadingText } from '../../../ui/loading-text';
import { QueryError } from '../../../ui/QueryStatus';

/** One user: their state and groups, and every action on them, each asking first if needed. */
export default function UserDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { username = '' } = useParams();
  const user = useQuery(routeQuery('getUser', { params: { username } }));
  const title = user.data?.email ?? t('users.detail.details');
  useScreen(title, [{ text: t('app.nav.users'), href: ADMIN_SCREENS.users }]);

  return (
    <SpaceBetween size="l">
      <Header
        variant="h1"
        actions={
          // After a delete there is no one left to show: back to the list (the flashbar says why).
          <UserActions user={user.data} onDeleted={() => void navigate(ADMIN_SCREENS.users)} />
        }
      >
        {title}
      </Header>
      {user.isPending ? (
        <StatusIndicator type="loading">{loadingText(user, t)}</StatusIndicator>
      ) : user.isError ? (
        <QueryError query={user} />
      ) : (
        <UserBody user={user.data} />
      )}
    </SpaceBetween>
  );
}

function UserBody({ user }: { user: UserDetail }) {
  const { t } = useTranslation();
  const { details } = useSignedInSession();
  const self = isSelf(details, user);
  return (
    <SpaceBetween size="l">
      {self && <Notice>{t('users.selfProtection')}</Notice>}
      <UserDetails user={user} />
      <UserGroupsTable user={user} self={self} />
    </SpaceBetween>
  );
}
