import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSignedFetch } from '../../api/api-context';
import { localQuery, routeQuery } from '../../api/route-queries';
import { RefreshAccessButton } from '../../auth/RefreshAccessButton';
import { SwitchRoleButton } from '../../auth/roles/SwitchRoleButton';
import { useSignedInSession } from '../../auth/session-context';
import { useMayCall } from '../../auth/use-may-call';
import { SessionDetailsList } from '../../auth/SessionDetailsList';
import { useRuntimeConfig } from '../../config/runtime-config-context';
import { QueryStatus } from '../../ui/QueryStatus';
import { useScreen } from '../../ui/screen';
import { ProbeResults } from './ProbeResults';
import { RegionContainer } from '../../ui/RegionContainer';
import { WhoamiDetails } from './WhoamiDetails';
import { probeAdminRoutes } from './probe';

/**
 * The screen to open when something answers 403: who this browser is signed in as, what the
 * admin API sees of its signed calls, and, route by route, whether the API lets it in.
 */
export default function AccessPage() {
  const { t } = useTranslation();
  const { details } = useSignedInSession();
  const signedFetch = useSignedFetch();
  const { adminApiUrl } = useRuntimeConfig();
  const whoami = useQuery(routeQuery('whoami'));
  const probe = useQuery(
    localQuery('accessProbe', () => probeAdminRoutes(signedFetch, adminApiUrl)),
  );
  useScreen(t('access.heading'));
  const mayCall = useMayCall();
  // A role the contract gives no admin route is meant to hear no: a calm answer, not an error.
  const refusalExpected = !mayCall('whoami');
  const checking = probe.isFetching || whoami.isFetching;

  return (
    <SpaceBetween size="l">
      <Header variant="h1" description={t('access.intro')}>
        {t('access.heading')}
      </Header>
      <RegionContainer
        heading={t('access.sessionHeading')}
        description={t('session.refreshHelp')}
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            {details.roles.length > 1 && <SwitchRoleButton />}
            <RefreshAccessButton />
          </SpaceBetween>
        }
      >
        <SessionDetailsList details={details} />
      </RegionContainer>
      <RegionContainer heading={t('access.whoamiHeading')}>
        <WhoamiDetails query={whoami} refusalExpected={refusalExpected} />
      </RegionContainer>
      <RegionContainer
        heading={t('access.probeHeading')}
        description={t('access.probeIntro')}
        actions={
          <Button
            loading={checking}
            loadingText={t('access.probing')}
            onClick={() => {
              void whoami.refetch();
              void probe.refetch();
            }}
          >
            {t('access.probeAgain')}
          </Button>
        }
      >
        <QueryStatus query={probe} loading={t('access.probing')}>
          {(results) => <ProbeResults results={results} expected={mayCall} />}
        </QueryStatus>
      </RegionContainer>
    </SpaceBetween>
  );
}
