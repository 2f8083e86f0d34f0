import StatusIndicator, {
  type StatusIndicatorProps,
} from '@cloudscape-design/components/status-indicator';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '@contract';

/** How each Cognito status reads at a glance: settled, waiting on the user, or needing care. */
const LOOK: Record<UserSummary['status'], StatusIndicatorProps.Type> = {
  CONFIRMED: 'success',
  EXTERNAL_PROVIDER: 'success',
  FORCE_CHANGE_PASSWORD: 'pending',
  UNCONFIRMED: 'pending',
  RESET_REQUIRED: 'warning',
};

/** Cognito's user status in words, with the console's status icon. */
export function UserStatusIndicator({ status }: { status: UserSummary['status'] }) {
  const { t } = useTranslation();
  return <StatusIndicator type={LOOK[status]}>{t(`users.statuses.${status}`)}</StatusIndicator>;
}

/** Whether the user may sign in, with the console's status icon. */
export function UserEnabledIndicator({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  return enabled ? (
    <StatusIndicator type="success">{t('users.filters.enabled')}</StatusIndicator>
  ) : (
    <StatusIndicator type="stopped">{t('users.detail.disabled')}</StatusIndicator>
  );
}

/** Whether the user confirms sign-ins with an authenticator app (TOTP), as the pool records it. */
export function UserMfaIndicator({ mfaEnabled }: { mfaEnabled: boolean }) {
  const { t } = useTranslation();
  return mfaEnabled ? (
    <StatusIndicator type="success">{t('users.mfaStates.on')}</StatusIndicator>
  ) : (
    <StatusIndicator type="stopped">{t('users.mfaStates.off')}</StatusIndicator>
  );
}
