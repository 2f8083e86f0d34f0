import Box from '@cloudscape-design/components/box';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@contract';
import { shownOutcome, STATUS_TYPE } from './audit-outcome';

/**
 * An entry's outcome: its status, then why, as a sentence; the recorded code stays beneath it
 * for whoever searches the logs or AWS's documentation for it.
 */
export function AuditOutcome({ entry }: { entry: Pick<AuditEntry, 'outcome' | 'error'> }) {
  const { t } = useTranslation();
  const outcome = shownOutcome(entry);
  const code = entry.outcome === 'failure' ? entry.error : undefined;
  const reason =
    outcome === 'pending'
      ? t('audit.pendingReason')
      : code && t(`audit.reasons.${code}`, { defaultValue: '' });
  return (
    <>
      <StatusIndicator type={STATUS_TYPE[outcome]}>
        {t(`audit.outcomes.${outcome}`)}
      </StatusIndicator>
      {reason && <Box>{reason}</Box>}
      {code && (
        <Box variant="small" color="text-body-secondary" display="block">
          {t('audit.errorCode', { code })}
        </Box>
      )}
    </>
  );
}
