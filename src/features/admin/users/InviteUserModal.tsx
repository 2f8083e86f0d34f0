import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogFooter } from '../../../ui/DialogFooter';
import { useRouteMutation } from '../../../api/route-mutations';
import { GROUPS, inviteUserBody } from '@contract';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { useFlash } from '../../../ui/flash';
import { InviteUserForm, type InviteDraft } from './InviteUserForm';
import { userFlashId } from './user-actions';

/** Everyone's group: the least a new user can be given. */
const NEW_DRAFT: InviteDraft = { email: '', groups: [GROUPS.general.name] };

/**
 * Invites someone: Cognito creates the user and mails a temporary password. The address is
 * checked with the route's own schema first, and the invitation is sent once however often
 * "Send invitation" is clicked. A refusal stays in the modal, next to what can fix it; the
 * invitation sent goes to the flashbar.
 */
export function InviteUserModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const flash = useFlash();
  const [draft, setDraft] = useState(NEW_DRAFT);
  const [invalid, setInvalid] = useState(false);
  // A double click's second click comes before the re-render that disables the button.
  const sending = useRef(false);
  // The result is told here rather than per call, so it is told even if the modal was closed.
  const invite = useRouteMutation('inviteUser', {
    onSuccess: (user) =>
      flash.success(
        userFlashId(user),
        t('users.invite.sent', { email: user.email }),
        user.groups.length > 0
          ? t('users.invite.inGroups', { groups: user.groups.join(', ') })
          : t('users.invite.inNoGroup'),
      ),
    onSettled: () => {
      sending.current = false;
    },
  });

  const send = () => {
    if (sending.current) return;
    const parsed = inviteUserBody.safeParse({ email: draft.email.trim(), groups: draft.groups });
    setInvalid(!parsed.success);
    if (!parsed.success) {
      invite.reset();
      return;
    }
    sending.current = true;
    invite.mutate({ body: parsed.data }, { onSuccess: onClose });
  };

  return (
    <Modal
      visible
      header={t('users.invite.heading')}
      closeAriaLabel={t('app.close')}
      onDismiss={onClose}
      footer={
        <DialogFooter onCancel={onClose}>
          <Button
            variant="primary"
            loading={invite.isPending}
            loadingText={t('users.invite.sending')}
            onClick={send}
          >
            {t('users.invite.submit')}
          </Button>
        </DialogFooter>
      }
    >
      <SpaceBetween size="m">
        <InviteUserForm draft={draft} invalid={invalid} onChange={setDraft} onSubmit={send} />
        <ErrorNotice error={invite.error} />
      </SpaceBetween>
    </Modal>
  );
}
