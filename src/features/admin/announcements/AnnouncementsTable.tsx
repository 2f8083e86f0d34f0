import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useCollection } from '@cloudscape-design/collection-hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteMutation } from '../../../api/route-mutations';
import { routeQuery } from '../../../api/route-queries';
import type { Announcement } from '@contract/announcements';
import { ConfirmModal } from '../../../ui/ConfirmModal';
import { DateTime } from '../../../ui/DateTime';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { useFlash } from '../../../ui/flash';
import { paginationLabels } from '../../../ui/pagination-labels';

const PAGE_SIZE = 20;

/** The announcements as posted, newest first; each can be deleted, after being asked. */
export function AnnouncementsTable() {
  const { t } = useTranslation();
  const flash = useFlash();
  const list = useQuery(routeQuery('listAnnouncementsAdmin'));
  const [deleting, setDeleting] = useState<Announcement | null>(null);
  const remove = useRouteMutation('deleteAnnouncement');
  // The dialog stays open (busy) until the list no longer shows the announcement.
  const confirmDelete = ({ id, title }: Announcement) =>
    remove.mutate(
      { params: { id } },
      {
        onSuccess: () =>
          flash.success(`announcement:${id}`, t('admin.announcements.removed', { title })),
        onError: (error) => flash.failure(`announcement:${id}`, error),
        onSettled: () => setDeleting(null),
      },
    );

  const announcements = list.data?.announcements ?? [];
  const { items, collectionProps, paginationProps } = useCollection(announcements, {
    sorting: {},
    pagination: { pageSize: PAGE_SIZE },
  });

  return (
    <>
      <Table
        {...collectionProps}
        header={
          <Header variant="h2" counter={list.data ? `(${announcements.length})` : undefined}>
            {t('admin.announcements.listHeading')}
          </Header>
        }
        pagination={<Pagination {...paginationProps} ariaLabels={paginationLabels(t)} />}
        columnDefinitions={[
          {
            id: 'title',
            header: t('admin.announcements.title'),
            cell: (item) => item.title,
            sortingField: 'title',
            isRowHeader: true,
            minWidth: 200,
          },
          {
            id: 'author',
            header: t('admin.announcements.author'),
            cell: (item) => item.author,
            sortingField: 'author',
            minWidth: 160,
          },
          {
            id: 'createdAt',
            header: t('admin.announcements.postedAt'),
            cell: (item) => <DateTime value={item.createdAt} />,
            sortingField: 'createdAt',
            minWidth: 140,
          },
          {
            id: 'actions',
            header: t('admin.announcements.actions'),
            cell: (item) => (
              <Button
                variant="inline-link"
                ariaLabel={t('admin.announcements.remove', { title: item.title })}
                onClick={() => setDeleting(item)}
              >
                {t('admin.announcements.delete')}
              </Button>
            ),
            minWidth: 100,
          },
        ]}
        items={items}
        trackBy="id"
        wrapLines
        loading={list.isPending}
        loadingText={
          list.fetchStatus === 'paused'
            ? t('app.waitingForNetwork')
            : t('admin.announcements.loading')
        }
        empty={
          list.isError ? (
            <SpaceBetween size="s" alignItems="center">
              <ErrorNotice error={list.error} />
              <Button loading={list.isFetching} onClick={() => void list.refetch()}>
                {t('app.tryAgain')}
              </Button>
            </SpaceBetween>
          ) : (
            <Box color="inherit">{t('admin.announcements.empty')}</Box>
          )
        }
      />
      {deleting && (
        <ConfirmModal
          visible
          header={t('admin.announcements.confirmHeader')}
          confirmLabel={t('admin.announcements.delete')}
          busy={remove.isPending}
          onConfirm={() => confirmDelete(deleting)}
          onDismiss={() => {
            if (!remove.isPending) setDeleting(null);
          }}
        >
          {t('admin.announcements.confirmRemove', { title: deleting.title })}
        </ConfirmModal>
      )}
    </>
  );
}
