import Box from '@cloudscape-design/components/box';
import type { TableProps } from '@cloudscape-design/components/table';
import type { TFunction } from 'i18next';
import type { AuditEntry } from '@contract';
import { DateTime } from '../../../ui/DateTime';
import { AuditOutcome } from './AuditOutcome';
import { BreakableText } from '../../../ui/BreakableText';

/**
 * The log's columns. Ids, ARNs and addresses wrap at their separators; the rest wrap between
 * words, with widths that keep a word whole.
 */
export function auditColumns(t: TFunction): TableProps.ColumnDefinition<AuditEntry>[] {
  return [
    {
      id: 'at',
      header: t('audit.when'),
      cell: (entry) => <DateTime value={entry.at} />,
      minWidth: 140,
    },
    {
      id: 'actor',
      header: t('audit.actor'),
      // A verified e-mail, else who they are in the pool (or their ARN): never a claim.
      cell: (entry) => <BreakableText text={entry.actor.email ?? entry.actor.username} />,
      minWidth: 160,
    },
    {
      id: 'action',
      header: t('audit.action'),
      cell: (entry) => t(`routes.${entry.action}`),
      minWidth: 140,
    },
    {
      id: 'target',
      header: t('audit.target'),
      cell: (entry) => <BreakableText text={entry.target} />,
      minWidth: 160,
    },
    {
      id: 'outcome',
      header: t('audit.outcome'),
      cell: (entry) => <AuditOutcome entry={entry} />,
      minWidth: 200,
    },
    {
      id: 'requestId',
      header: t('audit.requestId'),
      cell: (entry) => (
        <Box variant="code" fontSize="body-s">
          <BreakableText text={entry.requestId} />
        </Box>
      ),
      minWidth: 140,
    },
  ];
}
