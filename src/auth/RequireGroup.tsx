import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { GROUPS, type GroupName } from '@contract/groups';
import { RefreshAccessButton } from './RefreshAccessButton';
import { useSession } from './session-context';

/**
 * Its routes are for members of `group`. Anyone else is told so here, with "refresh my
 * access" for when they have just been added, instead of meeting a 403 later.
 */
export function RequireGroup({ group }: { group: GroupName }) {
  const { t } = useTranslation();
  const { state } = useSession();
  if (state.status === 'signedIn' && state.details.groups.includes(group)) return <Outlet />;
  return (
    <section className="panel" aria-labelledby="need-group-heading">
      <h2 id="need-group-heading">{t('guard.needGroupHeading', { group })}</h2>
      <p>{t('guard.needGroup', { group })}</p>
      <RefreshAccessButton />
    </section>
  );
}

/** The admin screens' guard, as a screen of its own so it loads with them. */
export default function RequireAdmin() {
  return <RequireGroup group={GROUPS.admin.name} />;
}
