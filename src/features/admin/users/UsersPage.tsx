import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { routeQuery } from '../../../api/route-queries';
import { userScreen } from '../../../app/admin-screens';
import { useSignedInSession } from '../../../auth/session-context';
import { USER_STATUS_FILTERS, type UserStatusFilter, type UserSummary } from '@contract';
import { DateTime } from '../../../ui/DateTime';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { Pager } from '../../../ui/Pager';
import { QueryStatus } from '../../../ui/QueryStatus';
import { SelectField } from '../../../ui/SelectField';
import { SortableTable, type Column } from '../../../ui/SortableTable';
import { Notice } from '../../../ui/Notice';
import { TextField } from '../../../ui/TextField';
import { useCursorPages } from '../../../ui/use-cursor-pages';
import { InviteUserForm } from './InviteUserForm';
import { isSelf } from './is-self';
import { UnverifiedMark } from './UnverifiedMark';
import { useUserAction } from './user-queries';
import { UserStatusText } from './UserStatusText';

const PAGE_SIZE = 20;

interface Filters {
  email: string;
  status: UserStatusFilter | '';
}

/** The user pool's people, a server-side page at a time, with invite and enable/disable. */
export default function UsersPage() {
  const { t } = useTranslation();
  const { details } = useSignedInSession();
  const [draft, setDraft] = useState<Filters>({ email: '', status: '' });
  const [filters, setFilters] = useState<Filters>(draft);
  const pages = useCursorPages();
  const query = {
    limit: PAGE_SIZE,
    ...(filters.email ? { email: filters.email } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(pages.cursor ? { cursor: pages.cursor } : {}),
  };
  const users = useQuery({
    ...routeQuery('listUsers', { query }),
    placeholderData: keepPreviousData,
  });
  const action = useUserAction();
  // The detail page comes back here after a delete, and says so.
  const deleted = (useLocation().state as { deleted?: string } | null)?.deleted;

  function applyFilters(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFilters({ ...draft, email: draft.email.trim() });
    pages.reset();
  }
  function clearFilters() {
    const empty: Filters = { email: '', status: '' };
    setDraft(empty);
    setFilters(empty);
    pages.reset();
  }

  const columns: Column<UserSummary>[] = [
    {
      key: 'email',
      header: t('users.email'),
      sortValue: (u) => u.email,
      cell: (u) => (
        <>
          <Link to={userScreen(u.username)}>{u.email}</Link>
          {!u.emailVerified && (
            <>
              {' '}
              <UnverifiedMark />
            </>
          )}
          {isSelf(details, u) && <> {t('users.you')}</>}
        </>
      ),
    },
    {
      key: 'status',
      header: t('users.status'),
      sortValue: (u) => u.status,
      cell: (u) => <UserStatusText status={u.status} />,
    },
    {
      key: 'enabled',
      header: t('users.enabled'),
      sortValue: (u) => (u.enabled ? 0 : 1),
      cell: (u) => (u.enabled ? t('users.yes') : t('users.no')),
    },
    {
      key: 'created',
      header: t('users.created'),
      sortValue: (u) => u.createdAt,
      cell: (u) => <DateTime value={u.createdAt} />,
    },
    {
      key: 'updated',
      header: t('users.updated'),
      sortValue: (u) => u.updatedAt,
      cell: (u) => <DateTime value={u.updatedAt} />,
    },
    {
      key: 'actions',
      header: t('users.actions'),
      cell: (u) =>
        isSelf(details, u) ? (
          t('users.selfNoActions')
        ) : (
          <button
            type="button"
            className="secondary"
            disabled={action.isPending}
            onClick={() => action.mutate({ user: u, action: u.enabled ? 'disable' : 'enable' })}
          >
            {u.enabled
              ? t('users.disableUser', { email: u.email })
              : t('users.enableUser', { email: u.email })}
          </button>
        ),
    },
  ];

  const done = action.isSuccess ? action.variables : undefined;
  return (
    <section className="panel wide" aria-labelledby="users-heading">
      <h2 id="users-heading">{t('users.heading')}</h2>
      <InviteUserForm />
      <form
        role="search"
        aria-label={t('users.filter')}
        className="filters"
        onSubmit={applyFilters}
      >
        <TextField
          label={t('users.emailPrefix')}
          name="email"
          type="search"
          value={draft.email}
          onChange={(e) => setDraft({ ...draft, email: e.target.value })}
        />
        <SelectField
          label={t('users.statusFilter')}
          name="status"
          value={draft.status}
          onChange={(e) => setDraft({ ...draft, status: e.target.value as Filters['status'] })}
          options={[
            { value: '', label: t('users.anyStatus') },
            ...USER_STATUS_FILTERS.map((value) => ({ value, label: t(`users.filters.${value}`) })),
          ]}
        />
        <button type="submit">{t('users.applyFilter')}</button>
        <button type="button" className="secondary" onClick={clearFilters}>
          {t('users.clearFilter')}
        </button>
      </form>
      <ErrorNotice error={action.error} />
      {deleted && !done && (
        <Notice>{t('users.done.remove', { email: deleted })}</Notice>
      )}
      {done && typeof done.action === 'string' && (
        <Notice>{t(`users.done.${done.action}`, { email: done.user.email })}</Notice>
      )}
      <QueryStatus query={users} loading={t('users.loading')}>
        {(page) => (
          <div aria-busy={users.isFetching}>
            {users.fetchStatus === 'paused' && <p role="status">{t('app.waitingForNetwork')}</p>}
            {page.users.length === 0 ? (
              <p>{filters.email || filters.status ? t('users.noMatch') : t('users.empty')}</p>
            ) : (
              <SortableTable
                caption={t('users.caption', { page: pages.pageNumber })}
                columns={columns}
                rows={page.users}
                rowKey={(u) => u.username}
              />
            )}
            <Pager
              label={t('users.pages')}
              pageNumber={pages.pageNumber}
              nextCursor={page.nextCursor}
              busy={users.isFetching}
              onPrevious={pages.previous}
              onNext={pages.next}
            />
          </div>
        )}
      </QueryStatus>
    </section>
  );
}
