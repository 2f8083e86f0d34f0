import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useCollection } from '@cloudscape-design/collection-hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routeQuery } from '../../../api/route-queries';
import { Notice } from '../../../ui/Notice';
import { useScreen } from '../../../ui/screen';
import { useCursorPages } from '../../../ui/use-cursor-pages';
import { useMayCall } from '../../../auth/use-may-call';
import { useMayActInBulk } from './bulk/bulk-actions';
import { BulkActions } from './bulk/BulkActions';
import { useUserSelection } from './bulk/use-user-selection';
import { InviteUserModal } from './InviteUserModal';
import { UserActions } from './UserActions';
import { useUsersColumns } from './users-columns';
import {
  isFiltered,
  NO_FILTERS,
  sameFilters,
  usersQuery,
  type UsersFilters,
} from './users-filters';
import { UsersEmptyState } from './UsersEmptyState';
import { UsersFilter } from './UsersFilter';
import { UsersLoadError } from './UsersLoadError';
import { UsersPagination } from './UsersPagination';

/** Loaded when first opened, with the CSV library after it: few visits export. */
const ExportUsersModal = lazy(() => import('./ExportUsersModal'));
const ImportUsersModal = lazy(() => import('./import/ImportUsersModal'));

/**
 * The user pool's people, a server-side page at a time, filtered by the API; select one to
 * act on them from "Actions" (each action asks first), or several (a role that may take a
 * bulk action ticks rows) to act on all of them at once, or invite someone.
 *
 * The selection is kept across pages, keyed by username, as the AWS console's tables keep
 * theirs (tick rows on page 1 and on page 2, and "Actions" takes them all), and cleared when
 * the filter changes, so no row the new filter hides is acted on unseen.
 */
export default function UsersPage() {
  const mayCall = useMayCall();
  const { t } = useTranslation();
  useScreen(t('users.heading'));
  const [typed, setTyped] = useState('');
  const [filters, setFilters] = useState<UsersFilters>(NO_FILTERS);
  const selection = useUserSelection();
  const bulk = useMayActInBulk();
  const [inviting, setInviting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [importing, setImporting] = useState(false);
  const [unsendable, setUnsendable] = useState(false);
  const pages = useCursorPages();
  const users = useQuery({
    ...routeQuery('listUsers', { query: usersQuery(filters, pages.cursor) }),
    placeholderData: keepPreviousData,
    enabled: !unsendable,
  });
  // The page on screen is still the previous filter's or page's until the new one is read.
  const page = users.isPlaceholderData ? undefined : users.data;
  const { items, collectionProps } = useCollection(page?.users ?? [], { sorting: {} });
  const columns = useUsersColumns();
  const selectedUsers = selection.selected(items);
  // One user: their own menu (reset password, reset MFA…); several: what is done to each.
  const selectedUser = selectedUsers.length === 1 ? selectedUsers[0] : undefined;

  function applyFilters(next: UsersFilters) {
    const same = sameFilters(next, filters);
    // The attribute or match chosen with no value yet asks for the same users: kept, not read.
    setFilters(next);
    if (same) return;
    selection.clear();
    pages.reset();
  }
  function clearFilters() {
    setTyped('');
    setUnsendable(false);
    applyFilters(NO_FILTERS);
  }

  const failed = users.isError;
  const waiting = users.fetchStatus === 'paused';
  // "(45+)": the users of the pages passed and this one, and more after it.
  const total = page
    ? `${pages.itemsBefore + page.users.length}${page.nextCursor ? '+' : ''}`
    : undefined;
  // While the typed filter cannot be sent, the list shows nobody: no count, no pages, no export.
  const counter = unsendable
    ? undefined
    : selection.count > 0
      ? `(${t('users.bulk.selected', { selected: selection.count })})`
      : total && !failed
        ? `(${total})`
        : undefined;
  const header = (
    <Header
      variant="h1"
      counter={counter}
      actions={
        <SpaceBetween direction="horizontal" size="xs">
          {bulk ? (
            <BulkActions
              users={selectedUsers}
              single={<UserActions user={selectedUser} onDeleted={selection.clear} />}
              // As the AWS console does: a run's users may have left the list (deleted, or out
              // of the filtered group), and none stays ticked unseen for the next action.
              onFinished={selection.clear}
            />
          ) : (
            <UserActions user={selectedUser} onDeleted={selection.clear} />
          )}
          {mayCall('listUsers') && mayCall('listGroupMembers') && (
            <Button disabled={unsendable} onClick={() => setExporting(true)}>
              {t('users.export.open')}
            </Button>
          )}
          {mayCall('inviteUser') && (
            <Button onClick={() => setImporting(true)}>{t('import.open')}</Button>
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
        items={failed || unsendable ? [] : items}
        trackBy="username"
        sortingColumn={collectionProps.sortingColumn}
        sortingDescending={collectionProps.sortingDescending}
        onSortingChange={collectionProps.onSortingChange}
        selectionType={bulk ? 'multi' : 'single'}
        selectedItems={selectedUsers}
        onSelectionChange={({ detail }) => selection.replace(detail.selectedItems)}
        // Cells keep to one line: the table scrolls sideways rather than break a word.
        wrapLines={false}
        loading={!page && !failed && !unsendable}
        loadingText={t('users.loading')}
        ariaLabels={{
          tableLabel: t('users.caption', { page: pages.pageNumber }),
          selectionGroupLabel: t('users.list.selection'),
          itemSelectionLabel: (_, user) => t('users.list.select', { email: user.email }),
          allItemsSelectionLabel: () => t(bulk ? 'users.bulk.selectAll' : 'users.list.selection'),
        }}
        filter={
          <SpaceBetween size="xs">
            {waiting && <Notice>{t('app.waitingForNetwork')}</Notice>}
            <UsersFilter
              filters={filters}
              text={typed}
              countText={
                page && filters.value !== '' && typed.trim() === filters.value
                  ? t('users.list.matching', { total })
                  : undefined
              }
              onTextChange={setTyped}
              onChange={applyFilters}
              onUnsendable={setUnsendable}
            />
          </SpaceBetween>
        }
        pagination={
          <UsersPagination
            pageNumber={pages.pageNumber}
            nextCursor={page?.nextCursor}
            disabled={!page || unsendable}
            // A single selection is of a row on screen; several are kept across pages.
            onPrevious={(pageNumber) => {
              if (!bulk) selection.clear();
              pages.goTo(pageNumber);
            }}
            onNext={(cursor) => {
              if (!bulk) selection.clear();
              pages.next(cursor, page?.users.length ?? 0);
            }}
          />
        }
        empty={
          unsendable ? (
            <Box textAlign="center" color="inherit" padding="l">
              {t('users.filterBar.unsendable')}
            </Box>
          ) : failed ? (
            <UsersLoadError
              error={users.error}
              retrying={users.isFetching}
              onRetry={() => void users.refetch()}
            />
          ) : (
            <UsersEmptyState
              filtered={isFiltered(filters)}
              morePages={Boolean(page?.nextCursor)}
              onClear={clearFilters}
            />
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
      {/* Mounted while open only: each import starts with no file. */}
      {importing && (
        <Suspense>
          <ImportUsersModal onClose={() => setImporting(false)} />
        </Suspense>
      )}
    </>
  );
}
