import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { roleName } from '../auth/roles/role-name';
import { ROLE_FLASH_ID } from '../auth/roles/role-flash';
import { useSignedInSession } from '../auth/session-context';
import { useFlash } from '../ui/flash';

/**
 * Says when the role changes without the person choosing it there and then: a switch to a
 * more privileged role has begun (after its fresh sign-in, with when it ends), or has run out.
 */
export function RoleNotices() {
  const { t, i18n } = useTranslation();
  const flash = useFlash();
  const { details, generation, notice } = useSignedInSession();
  const { role, roleUntil } = details;
  const previousRole = useRef<string | undefined>(undefined);
  const announcedFor = useRef(0);

  useEffect(() => {
    if (announcedFor.current === generation) return;
    announcedFor.current = generation;
    const before = previousRole.current;
    previousRole.current = role;
    if (!role) return;
    if (notice === 'roleEnded' && before && before !== role) {
      flash.notify({
        id: ROLE_FLASH_ID,
        type: 'info',
        header: t('roles.ended', { role: roleName(before), least: roleName(role) }),
      });
    } else if (roleUntil && before === undefined) {
      flash.notify({
        id: ROLE_FLASH_ID,
        type: 'info',
        header: t('roles.elevated', {
          role: roleName(role),
          time: roleUntil.toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' }),
        }),
      });
    }
  }, [generation, role, roleUntil, notice, flash, t, i18n.language]);

  return null;
}
