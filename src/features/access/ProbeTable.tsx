import StatusIndicator, {
  type StatusIndicatorProps,
} from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useTranslation } from 'react-i18next';
import type { RouteName } from '@contract/routes';
import type { ProbeResult } from './probe';
import { RouteLabel } from './route-label';

const INDICATOR: Record<ProbeResult['outcome'], StatusIndicatorProps.Type> = {
  allowed: 'success',
  denied: 'stopped',
  failed: 'warning',
};

/**
 * One row per admin route: allowed, denied or not checked, beside what the contract gives the
 * role the console acts as (a difference is what to look into). Why a route was refused is
 * said once above the table, and each route's own answer is folded away below it.
 */
export function ProbeTable({
  results,
  expected,
}: {
  results: ProbeResult[];
  expected(route: RouteName): boolean;
}) {
  const { t } = useTranslation();
  return (
    <Table
      variant="embedded"
      wrapLines
      items={results}
      trackBy="route"
      ariaLabels={{ tableLabel: t('access.probeCaption') }}
      empty={t('access.noRoutes')}
      columnDefinitions={[
        {
          id: 'route',
          header: t('access.route'),
          isRowHeader: true,
          cell: (result) => <RouteLabel route={result.route} />,
        },
        {
          id: 'result',
          header: t('access.result'),
          minWidth: 160,
          // Never "Allowe/d": the status keeps to one line, the table scrolls if it must.
          cell: (result) => (
            <StatusIndicator type={INDICATOR[result.outcome]} wrapText={false}>
              {t(`access.outcome.${result.outcome}`)}
            </StatusIndicator>
          ),
        },
        {
          id: 'expected',
          header: t('access.expected'),
          minWidth: 160,
          cell: (result) =>
            expected(result.route) ? t('access.expectedYes') : t('access.expectedNo'),
        },
      ]}
    />
  );
}
