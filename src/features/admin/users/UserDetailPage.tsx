import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { routeQuery } from '../../../api/route-queries';
import { ADMIN_SCREENS } from '../../../app/admin-screens';
import { useSignedInSession } from '../../../auth/session-context';
import { GROUP_NAMES, GROUPS, type UserDetail } from '@contract';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { DateTime } from '../../../ui/DateTime';
import { DescriptionItem, DescriptionList } from '../../../ui/DescriptionList';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { QueryStatus } from '../../../ui/QueryStatus';
import { Notice } from '../../../ui/Notice';
import { DeleteUserForm } from './DeleteUserForm';
import { isSelf } from './is-self';
import { useUserAction, type UserAction } from './user-queries';
import { UnverifiedMark } from './UnverifiedMark';
import { UserStatusText } from './UserStatusText';

/** One user: their state and groups, and every action on them, each asking first if needed. */
export default function UserDetailPage() {
  const { t } = useTranslation();
  const { username = '' } = useParams();
  const user = useQuery(routeQuery('getUser', { params: { username } }));
  return (
    <section className="panel" aria-labelledby="user-heading">
      <p>
        <Link to={ADMIN_SCREENS.users}>{t('users.backToList')}</Link>
      </p>
      <QueryStatus query={user}>{(detail) => <UserDetailView user={detail} />}</QueryStatus>
    </section>
  );
}

function UserDetailView({ user }: { user: UserDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { details } = useSignedInSession();
  const action = useUserAction();
  const self = isSelf(details, user);
  const run = (what: UserAction) => action.mutate({ user, action: what });
  const finished = action.isSuccess ? action.variables.action : undefined;

  return (
    <>
      <h2 id="user-heading">
        {user.email} {!user.emailVerified && <UnverifiedMark />}
      </h2>
      {self && <p className="notice notice-info">{t('users.selfProtection')}</p>}
      <DescriptionList>
        <DescriptionItem term={t('users.status')}>
          <UserStatusText status={user.status} />
        </DescriptionItem>
        <DescriptionItem term={t('users.enabled')}>
          {user.enabled ? t('users.yes') : t('users.no')}
        </DescriptionItem>
        <DescriptionItem term={t('users.emailVerified')}>
          {user.emailVerified ? t('users.yes') : t('users.no')}
        </DescriptionItem>
        <DescriptionItem term={t('users.created')}>
          <DateTime value={user.createdAt} />
        </DescriptionItem>
        <DescriptionItem term={t('users.updated')}>
          <DateTime value={user.updatedAt} />
        </DescriptionItem>
        <DescriptionItem term={t('session.groups')}>
          {user.groups.length ? user.groups.join(', ') : t('session.noGroups')}
        </DescriptionItem>
      </DescriptionList>

      <ErrorNotice error={action.error} />
      {typeof finished === 'string' && (
        <Notice>{t(`users.done.${finished}`, { email: user.email })}</Notice>
      )}
      {typeof finished === 'object' && (
        <Notice>
          {'addTo' in finished
            ? t('users.done.addedTo', { email: user.email, group: finished.addTo })
            : t('users.done.removedFrom', { email: user.email, group: finished.removeFrom })}
        </Notice>
      )}

      <section aria-labelledby="groups-heading">
        <h3 id="groups-heading">{t('session.groups')}</h3>
        <ul className="actions">
          {GROUP_NAMES.map((group) => {
            const member = user.groups.includes(group);
            // Leaving `admin` yourself would lock you out of this screen; joining any group
            // yourself would be granting yourself a role. A group needs a verified address.
            const locked = self && member && group === GROUPS.admin.name;
            const ungrantable = self || !user.emailVerified;
            const why = self ? 'self-protection' : 'unverified-email';
            return (
              <li key={group}>
                {member ? (
                  <button
                    type="button"
                    className="secondary"
                    disabled={action.isPending || locked}
                    aria-describedby={locked ? 'self-protection' : undefined}
                    onClick={() => run({ removeFrom: group })}
                  >
                    {t('users.removeFromGroup', { group })}
                  </button>
                ) : (
                  <button
                    type="button"
                    className="secondary"
                    disabled={action.isPending || ungrantable}
                    aria-describedby={ungrantable ? why : undefined}
                    onClick={() => run({ addTo: group })}
                  >
                    {t('users.addToGroup', { group })}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
        {self && (
          <p id="self-protection" className="hint">
            {t('users.selfProtectionGroups')}
          </p>
        )}
        {!self && !user.emailVerified && (
          <p id="unverified-email" className="hint">
            {t('users.unverifiedNoGroups')}
          </p>
        )}
      </section>

      <section aria-labelledby="actions-heading">
        <h3 id="actions-heading">{t('users.actions')}</h3>
        {self ? (
          <p>{t('users.selfProtectionActions')}</p>
        ) : (
          <div className="actions">
            {user.enabled ? (
              <ConfirmButton
                label={t('users.disable')}
                question={t('users.confirmDisable', { email: user.email })}
                confirmLabel={t('users.disable')}
                busy={action.isPending}
                onConfirm={() => run('disable')}
              />
            ) : (
              <button type="button" disabled={action.isPending} onClick={() => run('enable')}>
                {t('users.enable')}
              </button>
            )}
            <ConfirmButton
              label={t('users.resetPassword')}
              question={t('users.confirmResetPassword', { email: user.email })}
              confirmLabel={t('users.resetPassword')}
              busy={action.isPending}
              onConfirm={() => run('resetPassword')}
            />
            <DeleteUserForm
              email={user.email}
              busy={action.isPending}
              onDelete={() =>
                action.mutate(
                  { user, action: 'remove' },
                  {
                    onSuccess: () =>
                      void navigate(ADMIN_SCREENS.users, { state: { deleted: user.email } }),
                  },
                )
              }
            />
          </div>
        )}
      </section>
    </>
  );
}
