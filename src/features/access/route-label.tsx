import Box from '@cloudscape-design/components/box';
import { useTranslation } from 'react-i18next';
import { ROUTES, type RouteName } from '@contract';
import type { en } from '../../i18n/en';

type AdminRoute = keyof typeof en.routes;

/** An admin route as people know it ("List users"), with its method and path below. */
export function RouteLabel({ route }: { route: RouteName }) {
  const { t } = useTranslation();
  const { method, path } = ROUTES[route];
  return (
    <>
      <div>{t(`routes.${route as AdminRoute}`)}</div>
      <Box variant="code" color="text-body-secondary">
        {method} {path}
      </Box>
    </>
  );
}
