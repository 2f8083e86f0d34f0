import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useCollection } from '@cloudscape-design/collection-hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routeQuery } from '../../../api/route-queries';
import type { UserStatusFilter } from '@contract';
import { Notice } from '../../../ui/Notice';
import { useScreen } from '../../../ui/screen';
import { useCursorPages } from '../../../ui/use-cursor-pages';
import { useMayCall } from '../../../auth/use-may-call';
import { InviteUserModal } from './InviteUserModal';
import { UserActions } from './UserActions';
import { useUsersColumns } from './users-columns';
import { isFiltered, NO_FILTERS, usersQuery, type UsersFilters } from './users-filters';
import { UsersEmptyState } from './UsersEmptyState';
import { UsersFilter } from './UsersFilter';
import { UsersLoadError } from './UsersLoadError';
import { UsersPagination } from './UsersPagination';

/** Loaded when first opened, with the CSV library after it: few visits export. */
const ExportUsersModal = lazy(() => import('./ExportUsersModal'));

/**
 * The user pool's people, a server-side page at a time, filtered by the API; select one to
 * act on them from "Actions" (each action asks first), or invite someone.
 */
export default function UsersPage() {
  const mayCall = useMayCall();
  const { t } = useTranslation();
  useScreen(t('users.heading'));
  const [typed, setTyped] = useState('');
  const [filters, setFilters] = useState<UsersFilters>(NO_FILTERS);
  const [selected, setSelected] = useState<string>();
  const [inviting, setInviting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const pages = useCursorPages();
  const users = useQuery({
    ...routeQuery('listUsers', { query: usersQuery(filters, pages.cursor) }),
    placeholderData: keepPreviousData,
  });
  // The page on screen is still the previous filter's or page's until the new one is read.
  const page = users.isPlaceholderData ? undefined : users.data;
  const { items, collectionProps } = useCollection(page?.users ?? [], { sorting: {} });
  const columns = useUsersColumns();
  const selectedUser = items.find((user) => user.username === selected);

  function applyFilters(next: UsersFilters) {
    if (next.emailPrefix === filters.emailPrefix && next.status === filters.status) return;
    setFilters(next);
    setSelected(undefined);
    pages.reset();
  }
  function clearFilters() {
    setTyped('');
    applyFilters(NO_FILTERS);
  }

  const failed = users.isError;
  const waiting = users.fetchStatus === 'paused';
  // "(45+)": the users of the pages passed and this one, and more after it.
  const total = page
    ? `${pages.itemsBefore + page.users.length}${page.nextCursor ? '+' : ''}`
    : undefined;
  const counter = total && !failed ? `(${total})` : undefined;
  const header = (
    <Header
      variant="h1"
      counter={counter}
      actions={
        <SpaceBetween direction="horizontal" size="xs">
          <UserActions user={selectedUser} onDeleted={() => setSelected(undefined)} />
          {mayCall('listUsers') && mayCall('listGroupMembers') && (
            <Button onClick={() => setExporting(true)}>{t('users.export.open')}</Button>
          )}
          {mayCall('inviteUser') && (
            <Button variant="primary" onClick={() => setInviting(true)}>
              {t('users.invite.open')}
            </Button>
          )}
        </SpaceBetween>
      }
    >
      {t('users.heading')}
    </Header>
  );

  return (
    <>
      <Table
        variant="full-page"
        header={header}
        columnDefinitions={columns}
        items={failed ? [] : items}
        trackBy="username"
        sortingColumn={collectionProps.sortingColumn}
        sortingDescending={collectionProps.sortingDescending}
        onSortingChange={collectionProps.onSortingChange}
        selectionType="single"
        selectedItems={selectedUser ? [selectedUser] : []}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems[0]?.username)}
        // Cells keep to one line: the table scrolls sideways rather than break a word.
        wrapLines={false}
        loading={!page && !failed}
        loadingText={t('users.loading')}
        ariaLabels={{
          tableLabel: t('users.caption', { page: pages.pageNumber }),
          selectionGroupLabel: t('users.list.selection'),
          itemSelectionLabel: (_, user) => t('users.list.select', { email: user.email }),
          allItemsSelectionLabel: () => t('users.list.selection'),
        }}
        filter={
          <SpaceBetween size="xs">
            {waiting && <Notice>{t('app.waitingForNetwork')}</Notice>}
            <UsersFilter
              text={typed}
              status={filters.status}
              countText={
                page && filters.emailPrefix !== '' && typed.trim() === filters.emailPrefix
                  ? t('users.list.matching', { total })
                  : undefined
              }
              onTextChange={setTyped}
              onTextSettled={(text) => applyFilters({ ...filters, emailPrefix: text.trim() })}
              onStatusChange={(status: UserStatusFilter | undefined) =>
                applyFilters({ ...filters, status })
              }
            />
          </SpaceBetween>
        }
        pagination={
          <UsersPagination
            pageNumber={pages.pageNumber}
            nextCursor={page?.nextCursor}
            disabled={!page}
            onPrevious={(pageNumber) => {
              setSelected(undefined);
              pages.goTo(pageNumber);
            }}
            onNext={(cursor) => {
              setSelected(undefined);
              pages.next(cursor, page?.users.length ?? 0);
            }}
          />
        }
        empty={
          failed ? (
            <UsersLoadError
              error={users.error}
              retrying={users.isFetching}
              onRetry={() => void users.refetch()}
            />
          ) : (
            <UsersEmptyState filtered={isFiltered(filters)} onClear={clearFilters} />
          )
        }
      />
      {/* Mounted while open only: each invitation starts from a blank form. */}
      {inviting && <InviteUserModal onClose={() => setInviting(false)} />}
      {/* The filter applied to the list, not what is still being typed. */}
      {exporting && (
        <Suspense>
          <ExportUsersModal filters={filters} onClose={() => setExporting(false)} />
        </Suspense>
      )}
    </>
  );
}
