import Button from '@cloudscape-design/components/button';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import SwitchRoleModal from './SwitchRoleModal';

/** "Switch role", opening the switch dialog (with `preselect` chosen). */
export function SwitchRoleButton({
  variant = 'normal',
  preselect,
}: {
  variant?: 'normal' | 'primary';
  preselect?: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)}>
        {t('roles.heading')}
      </Button>
      {open && <SwitchRoleModal visible preselect={preselect} onDismiss={() => setOpen(false)} />}
    </>
  );
}
