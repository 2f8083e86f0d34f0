import type { TableProps } from '@cloudscape-design/components/table';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '@contract';
import { userScreen } from '../../../app/admin-screens';
import { useSignedInSession } from '../../../auth/session-context';
import { DateTime } from '../../../ui/DateTime';
import { InAppLink } from '../../../ui/InAppLink';
import { isSelf } from './is-self';
import { UnverifiedMark } from './UnverifiedMark';
import { UserEnabledIndicator, UserMfaIndicator, UserStatusIndicator } from './UserStatusIndicator';

/**
 * The Users table's columns. Each sorts the page on screen (the API pages in Cognito's own
 * order); the e-mail links to the user's page and says whether it is you or unverified.
 */
export function useUsersColumns(): TableProps.ColumnDefinition<UserSummary>[] {
  const { t } = useTranslation();
  const { details } = useSignedInSession();
  const sortLabel = (column: string) => () => t('table.sortBy', { column });
  return [
    {
      id: 'email',
      header: t('users.email'),
      isRowHeader: true,
      sortingField: 'email',
      ariaLabel: sortLabel(t('users.email')),
      cell: (user) => (
        <>
          <InAppLink href={userScreen(user.username)}>{user.email}</InAppLink>
          {!user.emailVerified && (
            <>
              {' '}
              <UnverifiedMark />
            </>
          )}
          {isSelf(details, user) && <> {t('users.you')}</>}
        </>
      ),
    },
    {
      id: 'name',
      header: t('users.name'),
      // Those with no name last, as an address book reads.
      sortingComparator: (a, b) =>
        a.name && b.name ? a.name.localeCompare(b.name) : Number(!a.name) - Number(!b.name),
      ariaLabel: sortLabel(t('users.name')),
      cell: (user) => user.name || '—',
    },
    {
      id: 'status',
      header: t('users.status'),
      sortingComparator: (a, b) =>
        t(`users.statuses.${a.status}`).localeCompare(t(`users.statuses.${b.status}`)),
      ariaLabel: sortLabel(t('users.status')),
      cell: (user) => <UserStatusIndicator status={user.status} />,
    },
    {
      id: 'enabled',
      header: t('users.enabled'),
      // Enabled first, as a list of who can sign in reads.
      sortingComparator: (a, b) => Number(b.enabled) - Number(a.enabled),
      ariaLabel: sortLabel(t('users.enabled')),
      cell: (user) => <UserEnabledIndicator enabled={user.enabled} />,
    },
    {
      id: 'mfa',
      header: t('users.mfa'),
      // With an authenticator app first, as "Enabled" sorts.
      sortingComparator: (a, b) => Number(b.mfaEnabled) - Number(a.mfaEnabled),
      ariaLabel: sortLabel(t('users.mfa')),
      cell: (user) => <UserMfaIndicator mfaEnabled={user.mfaEnabled} />,
    },
    {
      id: 'created',
      header: t('users.created'),
      sortingField: 'createdAt',
      ariaLabel: sortLabel(t('users.created')),
      cell: (user) => <DateTime value={user.createdAt} />,
    },
    {
      id: 'updated',
      header: t('users.updated'),
      sortingField: 'updatedAt',
      ariaLabel: sortLabel(t('users.updated')),
      cell: (user) => <DateTime value={user.updatedAt} />,
    },
  ];
}
