import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAdminApi } from '../../../api/api-context';
import { RefreshAccessButton } from '../../../auth/RefreshAccessButton';
import { useSignedInSession } from '../../../auth/session-context';
import { SessionDetailsList } from '../../../auth/SessionDetailsList';
import { DescriptionItem, DescriptionList } from '../../../ui/DescriptionList';
import { QueryStatus } from '../../../ui/QueryStatus';

/** What this browser is signed in as, and what the admin API sees of its signed calls. */
export function AccessPage() {
  const { t } = useTranslation();
  const { details } = useSignedInSession();
  const admin = useAdminApi();
  const whoami = useQuery({ queryKey: ['admin', 'whoami'], queryFn: () => admin.whoami() });
  return (
    <section className="panel" aria-labelledby="access-heading">
      <h2 id="access-heading">{t('admin.access.heading')}</h2>
      <SessionDetailsList details={details} />
      <RefreshAccessButton />
      <section aria-labelledby="whoami-heading">
        <h3 id="whoami-heading">{t('admin.access.whoamiHeading')}</h3>
        <QueryStatus query={whoami}>
          {(caller) => (
            <DescriptionList>
              <DescriptionItem term={t('admin.access.callerArn')}>
                {caller.callerArn ?? '—'}
              </DescriptionItem>
              <DescriptionItem term={t('admin.access.username')}>
                {caller.username ?? '—'}
              </DescriptionItem>
              <DescriptionItem term={t('session.identityId')}>
                {caller.identityId ?? '—'}
              </DescriptionItem>
              <DescriptionItem term={t('admin.access.sourceIp')}>{caller.sourceIp}</DescriptionItem>
            </DescriptionList>
          )}
        </QueryStatus>
      </section>
    </section>
  );
}
