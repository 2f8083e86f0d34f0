import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Table from '@cloudscape-design/components/table';
import { useTranslation } from 'react-i18next';
import type { ErrorDescription } from '../../ui/describe-error';
import type { ProbeResult } from './probe';
import { RouteLabel } from './route-label';

export interface RefusedRoute {
  result: Exclude<ProbeResult, { outcome: 'allowed' }>;
  described: ErrorDescription;
}

/**
 * The API's own answer on each route it did not allow, folded away: for a role outside the
 * admin group it is the same IAM sentence on every route, worth reading only when in doubt.
 */
export function ProbeAnswers({ refused }: { refused: RefusedRoute[] }) {
  const { t } = useTranslation();
  if (refused.length === 0) return null;
  return (
    <ExpandableSection headerText={`${t('access.answersHeading')} (${refused.length})`}>
      <Table
        variant="embedded"
        wrapLines
        items={refused}
        trackBy={({ result }) => result.route}
        ariaLabels={{ tableLabel: t('access.answersCaption') }}
        columnDefinitions={[
          {
            id: 'route',
            header: t('access.route'),
            isRowHeader: true,
            cell: ({ result }) => <RouteLabel route={result.route} />,
          },
          {
            id: 'answer',
            header: t('access.answer'),
            minWidth: 280,
            // The API's words when it gave some; otherwise the console's sentence.
            cell: ({ described }) => described.explanation ?? described.message,
          },
        ]}
      />
    </ExpandableSection>
  );
}
