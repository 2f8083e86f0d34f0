import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useTranslation } from 'react-i18next';
import type { RouteName } from '@contract/routes';
import { describeError } from '../../ui/describe-error';
import { Notice } from '../../ui/Notice';
import { ProbeAnswers, type RefusedRoute } from './ProbeAnswers';
import { ProbeTable } from './ProbeTable';
import type { ProbeResult } from './probe';

/**
 * What the probe found: how many routes allow this role, why the others did not (each reason
 * once), the table route by route, and the API's answer on each refused route folded away.
 */
export function ProbeResults({
  results,
  expected,
}: {
  results: ProbeResult[];
  /** Whether the contract lets the acting role call a route: other denials are expected. */
  expected(route: RouteName): boolean;
}) {
  const { t } = useTranslation();
  const allowed = results.filter((r) => r.outcome === 'allowed').length;
  const refused: RefusedRoute[] = results.flatMap((result) =>
    result.outcome === 'allowed' ? [] : [{ result, described: describeError(result.error, t) }],
  );
  // The console's sentence says what a refusal means and what to do: once per kind of refusal.
  const reasons = [...new Set(refused.map(({ described }) => described.message))];
  const calm = refused.every(
    ({ result }) => result.outcome === 'denied' && !expected(result.route),
  );
  return (
    <SpaceBetween size="m">
      <div role="status">
        <Box variant="p" fontWeight="bold">
          {t('access.probeSummary', { allowed, total: results.length })}
        </Box>
      </div>
      {reasons.length > 0 && (
        <Notice type={calm ? 'info' : 'warning'}>
          {reasons.map((reason) => (
            <Box variant="p" key={reason}>
              {reason}
            </Box>
          ))}
        </Notice>
      )}
      <ProbeTable results={results} expected={expected} />
      <ProbeAnswers refused={refused} />
    </SpaceBetween>
  );
}
