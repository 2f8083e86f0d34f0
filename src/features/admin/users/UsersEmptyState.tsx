import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useTranslation } from 'react-i18next';

/** What the Users table says with no row: nobody yet, or nobody matching (and a way back). */
export function UsersEmptyState({ filtered, onClear }: { filtered: boolean; onClear(): void }) {
  const { t } = useTranslation();
  return (
    <Box textAlign="center" color="inherit">
      <SpaceBetween size="xs">
        <Box variant="p" color="inherit">
          {filtered ? t('users.noMatch') : t('users.empty')}
        </Box>
        {filtered && <Button onClick={onClear}>{t('users.clearFilter')}</Button>}
      </SpaceBetween>
    </Box>
  );
}
