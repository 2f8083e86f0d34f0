import Alert from '@cloudscape-design/components/alert';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useCollection } from '@cloudscape-design/collection-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { say } from '../../../../i18n/problem';
import type { ImportPlan, ImportRow } from './import-csv';
import { paginationLabels } from '../../../../ui/pagination-labels';

const PAGE_SIZE = 10;

/**
 * What the file will do before anything is sent: how many rows are ready and how many have
 * problems, and each row with its problems (the rows with problems first shown, when any).
 */
export function ImportPreview({ plan }: { plan: ImportPlan }) {
  const { t } = useTranslation();
  const withProblems = plan.rows.filter((row) => !row.invite);
  const [shown, setShown] = useState<'problems' | 'all'>(withProblems.length ? 'problems' : 'all');
  const rows = shown === 'problems' ? withProblems : plan.rows;
  const { items, collectionProps, paginationProps } = useCollection(rows, {
    pagination: { pageSize: PAGE_SIZE },
  });
  const heading = t('import.preview.heading');
  return (
    <SpaceBetween size="m">
      <Alert type={withProblems.length ? 'warning' : 'info'}>
        {t('import.preview.summary', {
          rows: plan.rows.length,
          ready: plan.rows.length - withProblems.length,
          problems: withProblems.length,
        })}
        {plan.ignoredColumns.length > 0 && (
          <div>{t('import.preview.ignored', { columns: plan.ignoredColumns.join(', ') })}</div>
        )}
      </Alert>
      <Table
        {...collectionProps}
        variant="embedded"
        // A row's problems or result are sentences: wrapped, never cut off.
        wrapLines
        header={
          <Header
            variant="h3"
            counter={`(${rows.length})`}
            actions={
              <SegmentedControl
                label={t('import.preview.show')}
                selectedId={shown}
                onChange={({ detail }) => setShown(detail.selectedId as typeof shown)}
                options={[
                  {
                    id: 'problems',
                    text: t('import.preview.withProblems', { count: withProblems.length }),
                    disabled: withProblems.length === 0,
                  },
                  { id: 'all', text: t('import.preview.all', { count: plan.rows.length }) },
                ]}
              />
            }
          >
            {heading}
          </Header>
        }
        ariaLabels={{ tableLabel: heading }}
        items={items}
        trackBy="row"
        columnDefinitions={[
          { id: 'row', header: t('batch.row'), cell: (row) => row.row },
          { id: 'email', header: t('users.email'), cell: (row) => row.email, minWidth: 180 },
          // Beside the address it is about: on a phone, seen without scrolling sideways.
          {
            id: 'check',
            header: t('import.preview.check'),
            cell: (row) => <RowCheck row={row} />,
            minWidth: 220,
          },
          { id: 'groups', header: t('users.invite.groups'), cell: (row) => row.groups },
          { id: 'name', header: t('import.name'), cell: (row) => row.name },
        ]}
        pagination={<Pagination {...paginationProps} ariaLabels={paginationLabels(t)} />}
      />
    </SpaceBetween>
  );
}

function RowCheck({ row }: { row: ImportRow }) {
  const { t } = useTranslation();
  if (row.invite)
    return <StatusIndicator type="success">{t('import.preview.ready')}</StatusIndicator>;
  return (
    <StatusIndicator type="error">
      {row.problems.map((problem) => say(t, problem)).join(' ')}
    </StatusIndicator>
  );
}
