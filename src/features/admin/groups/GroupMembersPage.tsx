import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { routeQuery } from '../../../api/route-queries';
import { ADMIN_SCREENS, userScreen } from '../../../app/admin-screens';
import { isGroupName, type GroupName } from '@contract';
import { NotFoundPage } from '../../../ui/NotFoundPage';
import { useScreen } from '../../../ui/screen';
import { useCursorPages } from '../../../ui/use-cursor-pages';
import { UserEnabledIndicator, UserStatusIndicator } from '../users/UserStatusIndicator';
import { InAppLink } from '../../../ui/InAppLink';
import { loadingText } from '../../../ui/loading-text';
import { QueryError } from '../../../ui/QueryStatus';
import { paginationLabels } from '../../../ui/pagination-labels';

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
  useScreen(group, [{ text: t('app.nav.groups'), href: ADMIN_SCREENS.groups }]);
  const users = members.data?.users ?? [];
  const nextCursor = members.data?.nextCursor ?? null;

  /** The API only knows "next": a page further back is reached one step at a time. */
  const goTo = (page: number) => {
    if (page === pages.pageNumber + 1 && nextCursor) pages.next(nextCursor);
    for (let step = page; step < pages.pageNumber; step++) pages.previous();
  };

  return (
    <SpaceBetween size="l">
      {members.isError && <QueryError query={members} />}
      <Table
        variant="full-page"
        wrapLines
        items={users}
        trackBy="username"
        loading={members.isPending && !members.isError}
        loadingText={loadingText(members, t)}
        ariaLabels={{ tableLabel: t('groups.membersHeading', { group }) }}
        header={
          <Header
            variant="h1"
            // More pages may follow: "(20+)", as the AWS console counts an open-ended list.
            counter={members.data ? `(${users.length}${nextCursor ? '+' : ''})` : undefined}
          >
            {group}
          </Header>
        }
        pagination={
          <Pagination
            currentPageIndex={pages.pageNumber}
            pagesCount={pages.pageNumber + (nextCursor ? 1 : 0)}
            openEnd={nextCursor !== null}
            disabled={members.isFetching}
            onChange={({ detail }) => goTo(detail.currentPageIndex)}
            ariaLabels={paginationLabels(t, t('groups.pages'))}
          />
        }
        columnDefinitions={[
          {
            id: 'email',
            header: t('users.email'),
            cell: (user) => <InAppLink href={userScreen(user.username)}>{user.email}</InAppLink>,
            isRowHeader: true,
            minWidth: 200,
          },
          {
            id: 'status',
            header: t('users.status'),
            cell: (user) => <UserStatusIndicator status={user.status} />,
            minWidth: 160,
          },
          {
            id: 'enabled',
            header: t('users.enabled'),
            cell: (user) => <UserEnabledIndicator enabled={user.enabled} />,
            minWidth: 120,
          },
        ]}
        empty={<Box color="inherit">{t('groups.noMembers')}</Box>}
      />
    </SpaceBetween>
  );
}
