import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { routeQuery } from '../../../api/route-queries';
import { groupScreen } from '../../../app/admin-screens';
import { useScreen } from '../../../ui/screen';
import { InAppLink } from '../../../ui/InAppLink';
import { BreakableText } from '../../../ui/BreakableText';
import { loadingText } from '../../../ui/loading-text';
import { QueryError } from '../../../ui/QueryStatus';

/** The pool's groups as deployed: the IAM role each hands out, precedence and members. */
export default function GroupsPage() {
  const { t } = useTranslation();
  const groups = useQuery(routeQuery('listGroups'));
  const list = groups.data?.groups ?? [];
  useScreen(t('groups.heading'));

  return (
    <SpaceBetween size="l">
      {groups.isError && <QueryError query={groups} />}
      <Table
        variant="full-page"
        wrapLines
        items={list}
        trackBy="name"
        loading={groups.isPending && !groups.isError}
        loadingText={loadingText(groups, t)}
        ariaLabels={{ tableLabel: t('groups.caption') }}
        header={
          <Header
            variant="h1"
            counter={groups.data ? `(${list.length})` : undefined}
            description={t('groups.intro')}
          >
            {t('groups.heading')}
          </Header>
        }
        columnDefinitions={[
          {
            id: 'name',
            header: t('groups.name'),
            cell: (group) => <InAppLink href={groupScreen(group.name)}>{group.name}</InAppLink>,
            isRowHeader: true,
            minWidth: 120,
          },
          {
            id: 'description',
            header: t('groups.description'),
            cell: (group) => group.description,
            minWidth: 200,
          },
          {
            id: 'precedence',
            header: t('groups.precedence'),
            cell: (group) => group.precedence ?? '—',
            minWidth: 120,
          },
          {
            id: 'role',
            header: t('groups.role'),
            cell: (group) =>
              group.roleArn ? <BreakableText text={group.roleArn} /> : t('groups.noRole'),
            minWidth: 240,
          },
          {
            id: 'members',
            header: t('groups.members'),
            cell: (group) => group.memberCount,
            minWidth: 110,
          },
        ]}
        empty={<Box color="inherit">{t('groups.empty')}</Box>}
      />
    </SpaceBetween>
  );
}
