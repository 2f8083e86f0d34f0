import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import StatusIndicator, {
  type StatusIndicatorProps,
} from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useCollection } from '@cloudscape-design/collection-hooks';
import { useTranslation } from 'react-i18next';
import { paginationLabels } from '../../../ui/pagination-labels';

/** One row's result as the table shows it. */
export interface BatchResultRow {
  /** Where the row came from: its row in the file, or its place in the selection. */
  row: number;
  /** Who it was for, usually an e-mail address. */
  subject: string;
  status: StatusIndicatorProps.Type;
  /** "Invited", "Already exists", or why it was refused, in the reader's language. */
  result: string;
}

const PAGE_SIZE = 10;

/** Every row's result, a page at a time, with a heading that counts them. */
export function BatchResultsTable({
  heading,
  rows,
  subjectLabel,
}: {
  heading: string;
  rows: readonly BatchResultRow[];
  subjectLabel: string;
}) {
  const { t } = useTranslation();
  const { items, collectionProps, paginationProps } = useCollection([...rows], {
    pagination: { pageSize: PAGE_SIZE },
  });
  return (
    <Table
      {...collectionProps}
      variant="embedded"
      // A row's result is a sentence: wrapped, never cut off.
      wrapLines
      header={
        <Header variant="h3" counter={`(${rows.length})`}>
          {heading}
        </Header>
      }
      ariaLabels={{ tableLabel: heading }}
      items={items}
      trackBy="row"
      columnDefinitions={[
        { id: 'row', header: t('batch.row'), cell: (item) => item.row },
        { id: 'subject', header: subjectLabel, cell: (item) => item.subject, minWidth: 180 },
        {
          id: 'result',
          header: t('batch.result'),
          cell: (item) => <StatusIndicator type={item.status}>{item.result}</StatusIndicator>,
          minWidth: 220,
        },
      ]}
      pagination={<Pagination {...paginationProps} ariaLabels={paginationLabels(t)} />}
    />
  );
}
