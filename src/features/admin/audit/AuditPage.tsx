import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TokenGroup from '@cloudscape-design/components/token-group';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { listAuditQuery } from '@contract';
import { routeQuery } from '../../../api/route-queries';

import { useScreen } from '../../../ui/screen';
import { useCursorPages } from '../../../ui/use-cursor-pages';
import { auditColumns } from './audit-columns';
import { hasFilters, NO_FILTERS, type AuditFilterValues } from './audit-filters';
import { AuditFilters } from './AuditFilters';
import { loadingText } from '../../../ui/loading-text';
import { QueryError } from '../../../ui/QueryStatus';
import { paginationLabels } from '../../../ui/pagination-labels';

const PAGE_SIZE = 25;

/**
 * The import or bulk action the address names (`?batch=`, as its "See these in the audit
 * log" link writes it); anything but a UUID, which the API would refuse, is no filter.
 */
function batchOf(params: URLSearchParams): string | undefined {
  const parsed = listAuditQuery.shape.batch.safeParse(params.get('batch') ?? undefined);
  return parsed.success ? parsed.data : undefined;
}

/** Who did what to whom and when, newest first, filtered by actor and action, page by page. */
export default function AuditPage() {
  const { t } = useTranslation();
  const title = t('audit.heading');
  useScreen(title);
  const [filters, setFilters] = useState<AuditFilterValues>(NO_FILTERS);
  const [params, setParams] = useSearchParams();
  const batch = batchOf(params);
  const pages = useCursorPages();
  const query = {
    limit: PAGE_SIZE,
    ...(batch ? { batch } : {}),
    ...(filters.actor ? { actor: filters.actor } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(pages.cursor ? { cursor: pages.cursor } : {}),
  };
  const audit = useQuery({
    ...routeQuery('listAudit', { query }),
    placeholderData: keepPreviousData,
  });

  const apply = (next: AuditFilterValues) => {
    setFilters(next);
    pages.reset();
  };
  const forgetBatch = () => {
    setParams((now) => {
      const next = new URLSearchParams(now);
      next.delete('batch');
      return next;
    });
    pages.reset();
  };
  const entries = audit.data?.entries ?? [];
  const nextCursor = audit.data?.nextCursor ?? null;
  const seen = pages.itemsBefore + entries.length;
  const failure = audit.isError && <QueryError query={audit} />;

  return (
    <Table
      variant="full-page"
      header={
        <Header variant="h1" counter={audit.data ? `(${seen}${nextCursor ? '+' : ''})` : undefined}>
          {title}
        </Header>
      }
      ariaLabels={{ tableLabel: t('audit.caption', { page: pages.pageNumber }) }}
      filter={
        <SpaceBetween size="s">
          <AuditFilters applied={filters} onApply={apply} />
          {batch && (
            <TokenGroup
              items={[
                {
                  label: t('audit.batchFilter'),
                  description: batch,
                  dismissLabel: t('audit.removeBatchFilter'),
                },
              ]}
              onDismiss={forgetBatch}
            />
          )}
          {/* Entries still on show stay; an empty log says why in their place instead. */}
          {entries.length > 0 && failure}
        </SpaceBetween>
      }
      pagination={
        <Pagination
          currentPageIndex={pages.pageNumber}
          pagesCount={pages.pageNumber + (nextCursor ? 1 : 0)}
          openEnd={nextCursor !== null}
          disabled={audit.isFetching}
          onChange={({ detail }) => {
            if (detail.currentPageIndex <= pages.pageNumber) pages.goTo(detail.currentPageIndex);
            else if (nextCursor) pages.next(nextCursor, entries.length);
          }}
          ariaLabels={paginationLabels(t, t('audit.pages'))}
        />
      }
      columnDefinitions={auditColumns(t)}
      items={entries}
      trackBy="id"
      wrapLines
      loading={audit.isPending}
      loadingText={loadingText(audit, t, t('audit.loading'))}
      empty={
        failure ||
        (hasFilters(filters) || batch ? (
          <SpaceBetween size="s" alignItems="center">
            <Box color="inherit">{t('audit.noMatch')}</Box>
            <Button
              onClick={() => {
                apply(NO_FILTERS);
                if (batch) forgetBatch();
              }}
            >
              {t('audit.clearFilters')}
            </Button>
          </SpaceBetween>
        ) : (
          <Box color="inherit">{t('audit.empty')}</Box>
        ))
      }
    />
  );
}
