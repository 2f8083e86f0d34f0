import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useTranslation } from 'react-i18next';

/**
 * What the Users table says with no row: nobody yet, or nobody matching (and a way back). A
 * filter the API applies to each page it read (a group's members by attribute or status) can
 * leave a page empty with more after it: that is said, not "nobody".
 */
export function UsersEmptyState({
  filtered,
  morePages,
  onClear,
}: {
  filtered: boolean;
  morePages: boolean;
  onClear(): void;
}) {
  const { t } = useTranslation();
  const text = !filtered
    ? t('users.empty')
    : morePages
      ? t('users.noMatchOnPage')
      : t('users.noMatch');
  return (
    <Box textAlign="center" color="inherit">
      <SpaceBetween size="xs">
        <Box variant="p" color="inherit">
          {text}
        </Box>
        {filtered && <Button onClick={onClear}>{t('users.clearFilter')}</Button>}
      </SpaceBetween>
    </Box>
  );
}
