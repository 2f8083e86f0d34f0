import ButtonDropdown, {
  type ButtonDropdownProps,
} from '@cloudscape-design/components/button-dropdown';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { outrankingGroup, type RouteName, type UserSummary } from '@contract';
import { useSignedInSession } from '../../../auth/session-context';
import { useMayCall } from '../../../auth/use-may-call';
import { ConfirmModal } from '../../../ui/ConfirmModal';
import { isSelf } from './is-self';
import { resetsByInvitation, useUserActions, type ActionTarget } from './user-actions';

type Command = 'disable' | 'enable' | 'resetPassword' | 'resetMfa' | 'remove';

/** The admin route each command calls: a role that may not call it is not offered it. */
const COMMAND_ROUTES: Record<Command, RouteName> = {
  disable: 'disableUser',
  enable: 'enableUser',
  resetPassword: 'resetUserPassword',
  resetMfa: 'resetUserMfa',
  remove: 'deleteUser',
};

/**
 * The "Actions" menu on a user: disable or enable, reset password, reset MFA (turn their
 * authenticator app off, for someone who lost it), delete. Each asks first
 * (deleting asks for their e-mail typed out); on your own account it offers none of them, so
 * no one locks themself out. Only what the acting role may call is offered. Results go to the
 * flashbar.
 *
 * With no `user` (nothing selected in a list) the menu is there but disabled.
 */
export function UserActions({
  user,
  onDeleted,
  variant = 'normal',
}: {
  user: (ActionTarget & Pick<UserSummary, 'enabled' | 'mfaEnabled'>) | undefined;
  /** After the user was deleted (e.g. leave their page). */
  onDeleted?(): void;
  variant?: 'normal' | 'primary';
}) {
  const { t } = useTranslation();
  const { details } = useSignedInSession();
  const mayCall = useMayCall();
  const actions = useUserActions();
  const [asking, setAsking] = useState<Command>();
  const self = user !== undefined && isSelf(details, user);
  // A user's page knows their groups (a list row does not; the API refuses there, and says why).
  const outranking =
    user && 'groups' in user && Array.isArray(user.groups) && details.actingGroup
      ? outrankingGroup(user.groups as string[], details.actingGroup)
      : undefined;

  const items: ButtonDropdownProps.Item[] = user
    ? [
        user.enabled
          ? { id: 'disable', text: t('users.disable') }
          : { id: 'enable', text: t('users.enable') },
        { id: 'resetPassword', text: t('users.resetPassword') },
        {
          id: 'resetMfa',
          text: t('users.resetMfa'),
          disabled: !user.mfaEnabled,
          disabledReason: user.mfaEnabled ? undefined : t('users.noMfaToReset'),
        },
        { id: 'remove', text: t('users.delete.submit') },
      ].filter((item) => mayCall(COMMAND_ROUTES[item.id as Command]))
    : [];

  const confirm = () => {
    if (!user || !asking) return;
    const command = asking;
    setAsking(undefined);
    actions.run(user, command, { onDone: command === 'remove' ? onDeleted : undefined });
  };

  return (
    <>
      <ButtonDropdown
        items={items}
        variant={variant}
        disabled={!user || self || outranking !== undefined || actions.busy}
        disabledReason={
          self
            ? t('users.selfProtectionActions')
            : outranking
              ? t('users.outranked', { group: outranking })
              : undefined
        }
        loading={actions.busy}
        onItemClick={({ detail }) => setAsking(detail.id as Command)}
      >
        {t('users.actions')}
      </ButtonDropdown>
      {/* Mounted only while asking: one dialog on the page at a time. */}
      {user && asking && (
        <UserActionQuestion
          user={user}
          command={asking}
          onConfirm={confirm}
          onDismiss={() => setAsking(undefined)}
        />
      )}
    </>
  );
}

/** The question each action asks first, in the one confirmation modal. */
function UserActionQuestion({
  user,
  command,
  onConfirm,
  onDismiss,
}: {
  user: ActionTarget;
  command: Command;
  onConfirm(): void;
  onDismiss(): void;
}) {
  const { t } = useTranslation();
  const email = user.email;
  const questions: Record<Command, { header: string; body: string; confirm: string }> = {
    disable: {
      header: t('users.disable'),
      body: t('users.confirmDisable', { email }),
      confirm: t('users.disable'),
    },
    enable: {
      header: t('users.enable'),
      body: t('users.detail.confirmEnable', { email }),
      confirm: t('users.enable'),
    },
    resetPassword: {
      header: t('users.resetPassword'),
      body: resetsByInvitation(user)
        ? t('users.detail.confirmResendInvitation', { email })
        : t('users.confirmResetPassword', { email }),
      confirm: resetsByInvitation(user)
        ? t('users.detail.resendInvitation')
        : t('users.resetPassword'),
    },
    resetMfa: {
      header: t('users.resetMfa'),
      body: t('users.confirmResetMfa', { email }),
      confirm: t('users.resetMfa'),
    },
    remove: {
      header: t('users.delete.heading'),
      body: t('users.delete.warning', { email }),
      confirm: t('users.delete.submit'),
    },
  };
  const question = questions[command];
  return (
    <ConfirmModal
      visible
      header={question.header}
      confirmLabel={question.confirm}
      typeToConfirm={command === 'remove' ? email : undefined}
      onConfirm={onConfirm}
      onDismiss={onDismiss}
    >
      {question.body}
    </ConfirmModal>
  );
}
