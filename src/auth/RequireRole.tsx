import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { groupMayCall } from '@contract/group-access';
import type { RouteName } from '@contract/routes';
import { screenRead } from '../app/admin-screens';
import type { en } from '../i18n/en';
import { useScreen } from '../ui/screen';
import { RefreshAccessButton } from './RefreshAccessButton';
import { RequireAdminTotp } from './RequireAdminTotp';
import { roleName } from './roles/role-name';
import { SwitchRoleButton } from './roles/SwitchRoleButton';
import { useSignedInSession } from './session-context';
import { useMayCall } from './use-may-call';

/**
 * The admin screens' guard, as a screen of its own so it loads with them: someone who must
 * use an authenticator app and has none is sent to set it up (the admin API refuses them);
 * a screen whose first read the acting role may not call explains, instead of a 403 later.
 */
export default function RequireAdminArea() {
  return (
    <RequireAdminTotp>
      <RequireScreenRole />
    </RequireAdminTotp>
  );
}

function RequireScreenRole() {
  const mayCall = useMayCall();
  const read = screenRead(useLocation().pathname);
  return mayCall(read) ? <Outlet /> : <NeedRole route={read} />;
}

/**
 * Which role the screen needs and how to get it: switch to one of the person's roles that
 * may, or (with none) ask for a group and refresh their access.
 */
function NeedRole({ route }: { route: RouteName }) {
  const { t } = useTranslation();
  const { details } = useSignedInSession();
  const heading = t('guard.needRoleHeading');
  useScreen(heading);
  const able = details.roles.find((role) => groupMayCall(role.group, route));
  const acting = details.role ? roleName(details.role) : t('session.noRole');
  return (
    <SpaceBetween size="l">
      <Header variant="h1">{heading}</Header>
      <Container>
        <SpaceBetween size="m">
          <Box variant="p">
            {t('guard.needRole', {
              role: acting,
              action: t(`routes.${route as keyof typeof en.routes}`),
            })}
          </Box>
          {able ? (
            <SpaceBetween size="s">
              <Box variant="p">{t('guard.switchTo', { role: roleName(able.arn) })}</Box>
              <SwitchRoleButton variant="primary" preselect={able.arn} />
            </SpaceBetween>
          ) : (
            <SpaceBetween size="s">
              <Box variant="p" color="text-body-secondary">
                {t('guard.askForGroup')} {t('session.refreshHelp')}
              </Box>
              <RefreshAccessButton variant="primary" />
            </SpaceBetween>
          )}
        </SpaceBetween>
      </Container>
    </SpaceBetween>
  );
}
