import Button from '@cloudscape-design/components/button';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFlash } from '../ui/flash';
import { useSession } from './session-context';

/** The flashbar's key for the result of a refresh: a newer one replaces the older. */
const FLASH_ID = 'session:refresh';

/**
 * "Refresh my access": new tokens and credentials, so a group change made by an
 * administrator applies without signing out. The result goes to the flashbar, as it outlives
 * the screen (a refresh that grants a group swaps the guard for the screen it guarded).
 */
export function RefreshAccessButton({ variant = 'normal' }: { variant?: 'normal' | 'primary' }) {
  const { t } = useTranslation();
  const { refreshAccess } = useSession();
  const flash = useFlash();
  const refresh = useMutation({
    mutationFn: () => refreshAccess(),
    onSuccess: () => flash.success(FLASH_ID, t('session.refreshed')),
    onError: (error) => flash.failure(FLASH_ID, error),
  });
  return (
    <Button variant={variant} loading={refresh.isPending} onClick={() => refresh.mutate()}>
      {t('session.refresh')}
    </Button>
  );
}
