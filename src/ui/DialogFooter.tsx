import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A dialog's footer as the AWS console has it: "Cancel", then the dialog's own action(s). */
export function DialogFooter({ onCancel, children }: { onCancel(): void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box float="right">
      <SpaceBetween direction="horizontal" size="xs">
        <Button variant="link" onClick={onCancel}>
          {t('app.cancel')}
        </Button>
        {children}
      </SpaceBetween>
    </Box>
  );
}
