import { useTranslation } from 'react-i18next';
import { ROUTES } from '@contract';
import { describeError } from '../../ui/describe-error';
import type { en } from '../../i18n/en';
import type { ProbeResult } from './probe';

type AdminRoute = keyof typeof en.routes;

/**
 * One row per admin route: allowed or denied, with the API's own words for a refusal. What
 * the refusals mean and what to do is said once above the table, not on every row.
 */
export function ProbeTable({ results }: { results: ProbeResult[] }) {
  const { t } = useTranslation();
  const allowed = results.filter((r) => r.outcome === 'allowed').length;
  const described = results.map((result) =>
    result.outcome === 'allowed' ? undefined : describeError(result.error, t),
  );
  const advice = [...new Set(described.map((d) => (d?.explanation ? d.message : undefined)))];
  return (
    <>
      <p role="status">{t('access.probeSummary', { allowed, total: results.length })}</p>
      {advice.map((text) => text && <p key={text}>{text}</p>)}
      <table>
        <caption>{t('access.probeCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('access.route')}</th>
            <th scope="col">{t('access.result')}</th>
            <th scope="col">{t('access.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {results.map((result, index) => {
            const route = ROUTES[result.route];
            const why = described[index];
            return (
              <tr key={result.route}>
                <th scope="row">
                  {t(`routes.${result.route as AdminRoute}`)}{' '}
                  <code>
                    {route.method} {route.path}
                  </code>
                </th>
                <td className={`probe-${result.outcome}`}>
                  {t(`access.outcome.${result.outcome}`)}
                </td>
                {/* The API's words when it gave some; otherwise the console's sentence. */}
                <td>{why ? (why.explanation ?? why.message) : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
