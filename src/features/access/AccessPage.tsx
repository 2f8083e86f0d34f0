import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { GROUPS } from '@contract/groups';
import { useSignedFetch } from '../../api/api-context';
import { localQuery, routeQuery } from '../../api/route-queries';
import { RefreshAccessButton } from '../../auth/RefreshAccessButton';
import { useSignedInSession } from '../../auth/session-context';
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
  // Outside the admin group the admin API is meant to say no: a calm answer, not an error.
  const refusalExpected = !details.groups.includes(GROUPS.admin.name);
  const checking = probe.isFetching || whoami.isFetching;

  return (
    <SpaceBetween size="l">
      <Header variant="h1" description={t('access.intro')}>
        {t('access.heading')}
      </Header>
      <RegionContainer
        heading={t('access.sessionHeading')}
        description={t('session.refreshHelp')}
        actions={<RefreshAccessButton />}
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
          {(results) => <ProbeResults results={results} refusalExpected={refusalExpected} />}
        </QueryStatus>
      </RegionContainer>
    </SpaceBetween>
  );
}
