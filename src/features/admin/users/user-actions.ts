import { useTranslation } from 'react-i18next';
import type { UserDetail, UserSummary } from '@contract';
import { useFlash } from '../../../ui/flash';
import { useUserAction, type UserAction } from './user-queries';

/** The user an action is about: who to call it on, how to name them, and what state they are in. */
export type ActionTarget = Pick<UserSummary, 'username' | 'email' | 'status'>;

/** The flashbar item about one user: a newer result about them replaces the older one. */
export const userFlashId = (user: Pick<UserSummary, 'username'>) => `user:${user.username}`;

/**
 * Whether "Reset password" will resend the invitation: Cognito cannot reset a password that
 * was never set, so for an invited user who has not signed in yet the API sends a new
 * temporary password instead of a reset code.
 */
export const resetsByInvitation = (user: Pick<UserSummary, 'status'>) =>
  user.status === 'FORCE_CHANGE_PASSWORD';

/**
 * The actions on users (disable, enable, reset password, delete, join or leave a group), each
 * reporting its result in the flashbar, keyed by the user, with the reason and request id when
 * it failed. The Users list and a user's page share it, so they word results alike.
 *
 * `run(user, action, { onDone })`: `onDone` runs once the action succeeded (e.g. leave a
 * deleted user's page).
 */
export function useUserActions() {
  const { t } = useTranslation();
  const flash = useFlash();
  const mutation = useUserAction();

  function run(user: ActionTarget, action: UserAction, options: { onDone?(): void } = {}) {
    const id = userFlashId(user);
    // Decided before the call too, in case the answer does not tell.
    const byInvitation = action === 'resetPassword' && resetsByInvitation(user);
    mutation.mutate(
      { user, action },
      {
        onSuccess: (answer) => {
          flash.success(id, doneMessage(user, action, byInvitation, answer));
          options.onDone?.();
        },
        onError: (error) => flash.failure(id, error),
      },
    );
  }

  function doneMessage(
    user: ActionTarget,
    action: UserAction,
    byInvitation: boolean,
    answer: UserDetail | undefined | unknown,
  ): string {
    const email = user.email;
    if (typeof action === 'object') {
      return 'addTo' in action
        ? t('users.done.addedTo', { email, group: action.addTo })
        : t('users.done.removedFrom', { email, group: action.removeFrom });
    }
    if (action === 'resetPassword') {
      // The API answers with the user after the call: a reset leaves them "reset required",
      // a resent invitation leaves them "must change password".
      const stillInvited = isUser(answer) ? resetsByInvitation(answer) : byInvitation;
      return stillInvited
        ? t('users.detail.invitationResent', { email })
        : t('users.done.resetPassword', { email });
    }
    return t(`users.done.${action}`, { email });
  }

  return {
    run,
    /** An action is under way: offer no other until it ends. */
    busy: mutation.isPending,
    /** The action under way, if any, and whom it is about. */
    pending: mutation.isPending ? mutation.variables : undefined,
  };
}

function isUser(answer: unknown): answer is UserDetail {
  return typeof answer === 'object' && answer !== null && 'status' in answer;
}
