import { useTranslation } from 'react-i18next';
import type { UserSummary } from '@contract';

/** Cognito's user status in words ("Must change password" for FORCE_CHANGE_PASSWORD). */
export function UserStatusText({ status }: { status: UserSummary['status'] }) {
  const { t } = useTranslation();
  return <>{t(`users.statuses.${status}`)}</>;
}
