import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { GROUPS, type GroupName } from '@contract/groups';
import { useScreen } from '../ui/screen';
import { RefreshAccessButton } from './RefreshAccessButton';
import { RequireAdminTotp } from './RequireAdminTotp';
import { useSession } from './session-context';

/**
 * Its routes are for members of `group`. Anyone else is told so here, calmly, with "Refresh my
 * access" for when they have just been added, instead of meeting a 403 later.
 */
export function RequireGroup({ group }: { group: GroupName }) {
  const { state } = useSession();
  if (state.status === 'signedIn' && state.details.groups.includes(group)) return <Outlet />;
  return <NeedGroup group={group} />;
}

/** The guard's own screen: which group is needed and how to get it. */
function NeedGroup({ group }: { group: GroupName }) {
  const { t } = useTranslation();
  const heading = t('guard.needGroupHeading', { group });
  useScreen(heading);
  return (
    <SpaceBetween size="l">
      <Header variant="h1">{heading}</Header>
      <Container>
        <SpaceBetween size="m">
          <Box variant="p">{t('guard.needGroup', { group })}</Box>
          <Box variant="p" color="text-body-secondary">
            {t('session.refreshHelp')}
          </Box>
          <RefreshAccessButton variant="primary" />
        </SpaceBetween>
      </Container>
    </SpaceBetween>
  );
}

/**
 * The admin screens' guard, as a screen of its own so it loads with them: members of admin,
 * with an authenticator app (the admin API refuses administrators without one).
 */
export default function RequireAdmin() {
  return (
    <RequireAdminTotp>
      <RequireGroup group={GROUPS.admin.name} />
    </RequireAdminTotp>
  );
}
