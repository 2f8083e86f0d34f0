import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { routeQuery } from '../../../api/route-queries';
import { ADMIN_SCREENS, userScreen } from '../../../app/admin-screens';
import { isGroupName, type GroupName } from '@contract';
import { NotFoundPage } from '../../../ui/NotFoundPage';
import { Pager } from '../../../ui/Pager';
import { QueryStatus } from '../../../ui/QueryStatus';
import { useCursorPages } from '../../../ui/use-cursor-pages';
import { UserStatusText } from '../users/UserStatusText';

/** The members of one group, a page at a time, each linking to their user page. */
export default function GroupMembersPage() {
  const { group = '' } = useParams();
  if (!isGroupName(group)) return <NotFoundPage />;
  return <GroupMembers group={group} />;
}

function GroupMembers({ group }: { group: GroupName }) {
  const { t } = useTranslation();
  const pages = useCursorPages();
  const query = pages.cursor ? { cursor: pages.cursor } : {};
  const members = useQuery({
    ...routeQuery('listGroupMembers', { params: { group }, query }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="panel" aria-labelledby="members-heading">
      <p>
        <Link to={ADMIN_SCREENS.groups}>{t('groups.backToList')}</Link>
      </p>
      <h2 id="members-heading">{t('groups.membersHeading', { group })}</h2>
      <QueryStatus query={members}>
        {({ users, nextCursor }) => (
          <>
            {users.length === 0 ? (
              <p>{t('groups.noMembers')}</p>
            ) : (
              <ul>
                {users.map((user) => (
                  <li key={user.username}>
                    <Link to={userScreen(user.username)}>{user.email}</Link> (
                    <UserStatusText status={user.status} />)
                  </li>
                ))}
              </ul>
            )}
            <Pager
              label={t('groups.pages')}
              pageNumber={pages.pageNumber}
              nextCursor={nextCursor}
              busy={members.isFetching}
              onPrevious={pages.previous}
              onNext={pages.next}
            />
          </>
        )}
      </QueryStatus>
    </section>
  );
}
