import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSignedFetch } from '../../api/api-context';
import { localQuery, routeQuery } from '../../api/route-queries';
import { RefreshAccessButton } from '../../auth/RefreshAccessButton';
import { useSignedInSession } from '../../auth/session-context';
import { SessionDetailsList } from '../../auth/SessionDetailsList';
import { useRuntimeConfig } from '../../config/runtime-config-context';
import { DescriptionItem, DescriptionList } from '../../ui/DescriptionList';
import { QueryStatus } from '../../ui/QueryStatus';
import { ProbeTable } from './ProbeTable';
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
  return (
    <section className="panel" aria-labelledby="access-heading">
      <h2 id="access-heading">{t('access.heading')}</h2>
      <p>{t('access.intro')}</p>
      <section aria-labelledby="session-heading">
        <h3 id="session-heading">{t('access.sessionHeading')}</h3>
        <SessionDetailsList details={details} />
        <RefreshAccessButton />
      </section>
      <section aria-labelledby="whoami-heading">
        <h3 id="whoami-heading">{t('access.whoamiHeading')}</h3>
        <QueryStatus query={whoami}>
          {(caller) => (
            <DescriptionList>
              <DescriptionItem term={t('access.callerArn')}>
                {caller.callerArn ?? '—'}
              </DescriptionItem>
              <DescriptionItem term={t('access.username')}>
                {caller.username ?? '—'}
              </DescriptionItem>
              <DescriptionItem term={t('session.identityId')}>
                {caller.identityId ?? '—'}
              </DescriptionItem>
              <DescriptionItem term={t('access.sourceIp')}>{caller.sourceIp}</DescriptionItem>
            </DescriptionList>
          )}
        </QueryStatus>
      </section>
      <section aria-labelledby="probe-heading">
        <h3 id="probe-heading">{t('access.probeHeading')}</h3>
        <p>{t('access.probeIntro')}</p>
        <QueryStatus query={probe}>{(results) => <ProbeTable results={results} />}</QueryStatus>
        <button
          type="button"
          className="secondary"
          disabled={probe.isFetching}
          onClick={() => void probe.refetch()}
        >
          {probe.isFetching ? t('access.probing') : t('access.probeAgain')}
        </button>
      </section>
    </section>
  );
}
