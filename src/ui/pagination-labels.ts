import type { PaginationProps } from '@cloudscape-design/components/pagination';
import type { TFunction } from 'i18next';

/** A Cloudscape pagination's labels in the reader's language; `label` names the whole control. */
export const paginationLabels = (t: TFunction, label?: string): PaginationProps.Labels => ({
  ...(label ? { paginationLabel: label } : {}),
  previousPageLabel: t('table.previous'),
  nextPageLabel: t('table.next'),
  pageLabel: (page) => t('table.page', { page }),
});
