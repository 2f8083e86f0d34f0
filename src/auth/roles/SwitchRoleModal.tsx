import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tiles from '@cloudscape-design/components/tiles';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogFooter } from '../../ui/DialogFooter';
import { adminRoutesOf } from '@contract/group-access';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useFlash } from '../../ui/flash';
import { useSignedInSession, useSession } from '../session-context';
import { isElevation } from './acting-role';
import { ROLE_FLASH_ID } from './role-flash';
import { roleName } from './role-name';

/**
 * "Switch role", as in the AWS console: the roles the person's sign-in carries
 * (`cognito:roles`), least privileged first, each with its group and how many admin routes it
 * may call. A less privileged role applies at once; a more privileged one says that it needs
 * a fresh sign-in with the authenticator app's code, and leads there.
 */
export default function SwitchRoleModal({
  visible,
  preselect,
  onDismiss,
}: {
  visible: boolean;
  preselect?: string;
  onDismiss(): void;
}) {
  const { t } = useTranslation();
  const { switchRole } = useSession();
  const { details } = useSignedInSession();
  const flash = useFlash();
  const [chosen, setChosen] = useState(preselect ?? details.role);
  const elevation =
    chosen !== undefined && chosen !== details.role && isElevation(details.role, chosen);
  const switching = useMutation({
    mutationFn: (roleArn: string) => switchRole(roleArn),
    onSuccess: (_, roleArn) => {
      if (!isElevation(details.role, roleArn)) {
        flash.success(ROLE_FLASH_ID, t('roles.switched', { role: roleName(roleArn) }));
      }
      onDismiss();
    },
  });
  const dismiss = () => {
    switching.reset();
    setChosen(preselect ?? details.role);
    onDismiss();
  };
  const submit = () => {
    if (chosen && chosen !== details.role) switching.mutate(chosen);
    else dismiss();
  };
  return (
    <Modal
      visible={visible}
      header={t('roles.heading')}
      onDismiss={dismiss}
      closeAriaLabel={t('app.close')}
      footer={
        <DialogFooter onCancel={dismiss}>
          <Button
            variant="primary"
            onClick={submit}
            loading={switching.isPending}
            disabled={!chosen || chosen === details.role}
          >
            {elevation ? t('roles.signInToSwitch') : t('roles.switch')}
          </Button>
        </DialogFooter>
      }
    >
      <SpaceBetween size="m">
        <Box variant="p">{t('roles.intro')}</Box>
        <Tiles
          ariaLabel={t('roles.choose')}
          value={chosen ?? null}
          onChange={({ detail }) => setChosen(detail.value)}
          columns={1}
          items={details.roles.map((role) => ({
            value: role.arn,
            label:
              role.arn === details.role
                ? t('roles.current', { role: roleName(role.arn) })
                : roleName(role.arn),
            description: t('roles.describe', {
              group: role.group,
              count: adminRoutesOf(role.group).length,
            }),
          }))}
        />
        {elevation && <Alert type="info">{t('roles.elevationNeedsSignIn')}</Alert>}
        {switching.error && <ErrorNotice error={switching.error} />}
      </SpaceBetween>
    </Modal>
  );
}
