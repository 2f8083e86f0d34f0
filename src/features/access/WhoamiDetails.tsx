import Box from '@cloudscape-design/components/box';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Whoami } from '@contract';
import { Notice } from '../../ui/Notice';
import { QueryStatus } from '../../ui/QueryStatus';
import { isRefusal } from './expected-refusal';
import { BreakableText } from '../../ui/BreakableText';

/**
 * What the admin API sees of this browser's signed calls. A role the API turns away is told
 * so calmly, with IAM's own words once; anything else failing can be tried again.
 */
export function WhoamiDetails({
  query,
  refusalExpected,
}: {
  query: UseQueryResult<Whoami>;
  /** Whether this person is outside the admin group, so a refusal is what should happen. */
  refusalExpected: boolean;
}) {
  const { t } = useTranslation();
  if (isRefusal(query.error)) {
    return (
      <Notice type={refusalExpected ? 'info' : 'warning'} header={t('access.whoamiRefused')}>
        <Box variant="p">{query.error.message}</Box>
        {query.error.requestId && (
          <Box variant="small">{t('api.requestId', { requestId: query.error.requestId })}</Box>
        )}
      </Notice>
    );
  }
  return (
    <QueryStatus query={query}>
      {(caller) => (
        <KeyValuePairs
          columns={2}
          items={[
            {
              label: t('access.callerArn'),
              value: <BreakableText text={caller.callerArn ?? '—'} />,
            },
            { label: t('access.username'), value: caller.username ?? '—' },
            {
              label: t('session.identityId'),
              value: <BreakableText text={caller.identityId ?? '—'} />,
            },
            { label: t('access.sourceIp'), value: caller.sourceIp },
          ]}
        />
      )}
    </QueryStatus>
  );
}
