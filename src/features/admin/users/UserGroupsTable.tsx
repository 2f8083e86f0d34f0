import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUP_NAMES, GROUPS, isGroupName, type GroupName, type UserDetail } from '@contract';
import { groupScreen } from '../../../app/admin-screens';
import { ConfirmModal } from '../../../ui/ConfirmModal';
import { InAppLink } from '../../../ui/InAppLink';
import { useMayCall } from '../../../auth/use-may-call';
import { useUserActions } from './user-actions';

/** The id of the sentence saying why a group button is disabled. */
const WHY = 'user-groups-why';

/**
 * The groups a user is in (each with the role it hands out), adding them to another and
 * taking them out of one, which asks first since it changes their access. On your own
 * account it grants nothing and never takes you out of admin; an address its owner has not
 * verified gets no group.
 */
export function UserGroupsTable({ user, self }: { user: UserDetail; self: boolean }) {
  const { t } = useTranslation();
  const actions = useUserActions();
  const mayCall = useMayCall();
  const [chosen, setChosen] = useState<SelectProps.Option | null>(null);
  const [leaving, setLeaving] = useState<string>();

  const options = GROUP_NAMES.filter((group) => !user.groups.includes(group)).map((group) => ({
    value: group,
    label: group,
    description: GROUPS[group].description,
  }));
  // Joining any group yourself would be granting yourself a role; a group needs an address
  // its owner has verified. Leaving admin yourself would lock you out of this screen.
  const whyNoGrant = self
    ? t('users.selfProtectionGroups')
    : !user.emailVerified
      ? t('users.unverifiedNoGroups')
      : undefined;
  const mayLeave = (group: string) => !(self && group === GROUPS.admin.name);

  const add = () => {
    const group = chosen?.value;
    if (!group || !isGroupName(group)) return;
    setChosen(null);
    actions.run(user, { addTo: group });
  };
  const leave = () => {
    if (!leaving || !isGroupName(leaving)) return;
    const group: GroupName = leaving;
    setLeaving(undefined);
    actions.run(user, { removeFrom: group });
  };

  return (
    <>
      <Table
        variant="container"
        wrapLines
        items={user.groups.map((name) => ({ name }))}
        trackBy="name"
        ariaLabels={{ tableLabel: t('users.groups.tableLabel', { email: user.email }) }}
        header={
          <Header
            variant="h2"
            counter={`(${user.groups.length})`}
            description={
              whyNoGrant && mayCall('addUserToGroup') && <span id={WHY}>{whyNoGrant}</span>
            }
            actions={
              !mayCall('addUserToGroup') ? undefined : options.length === 0 ? (
                <Box color="text-status-inactive">{t('users.groups.everyGroup')}</Box>
              ) : (
                <SpaceBetween direction="horizontal" size="xs">
                  <Select
                    ariaLabel={t('users.groups.group')}
                    placeholder={t('users.groups.choose')}
                    options={options}
                    selectedOption={chosen}
                    disabled={whyNoGrant !== undefined || actions.busy}
                    onChange={({ detail }) => setChosen(detail.selectedOption)}
                  />
                  <Button
                    disabled={whyNoGrant !== undefined || !chosen}
                    loading={actions.busy}
                    ariaDescribedby={whyNoGrant ? WHY : undefined}
                    onClick={add}
                  >
                    {t('users.groups.add')}
                  </Button>
                </SpaceBetween>
              )
            }
          >
            {t('users.groups.heading')}
          </Header>
        }
        columnDefinitions={(
          [
            {
              id: 'group',
              header: t('groups.name'),
              cell: ({ name }) => <InAppLink href={groupScreen(name)}>{name}</InAppLink>,
              minWidth: 120,
            },
            {
              id: 'description',
              header: t('groups.description'),
              cell: ({ name }) => (isGroupName(name) ? GROUPS[name].description : '—'),
              minWidth: 200,
            },
            {
              id: 'precedence',
              header: t('groups.precedence'),
              cell: ({ name }) => (isGroupName(name) ? GROUPS[name].precedence : '—'),
              minWidth: 120,
            },
            {
              id: 'role',
              header: t('groups.role'),
              cell: ({ name }) => (isGroupName(name) ? GROUPS[name].roleName : t('groups.noRole')),
              minWidth: 180,
            },
            {
              id: 'remove',
              header: t('users.actions'),
              cell: ({ name }) => (
                <Button
                  variant="inline-link"
                  ariaLabel={t('users.groups.removeFrom', { group: name })}
                  disabled={!mayLeave(name) || actions.busy}
                  ariaDescribedby={mayLeave(name) ? undefined : WHY}
                  onClick={() => setLeaving(name)}
                >
                  {t('users.groups.remove')}
                </Button>
              ),
              minWidth: 100,
            },
          ] satisfies TableProps.ColumnDefinition<{ name: string }>[]
        ).filter((column) => column.id !== 'remove' || mayCall('removeUserFromGroup'))}
        empty={<Box color="inherit">{t('users.groups.empty')}</Box>}
      />
      {leaving && (
        <ConfirmModal
          visible
          header={t('users.groups.removeFrom', { group: leaving })}
          confirmLabel={t('users.groups.remove')}
          onConfirm={leave}
          onDismiss={() => setLeaving(undefined)}
        >
          {t('users.groups.confirmRemove', { email: user.email, group: leaving })}
        </ConfirmModal>
      )}
    </>
  );
}
