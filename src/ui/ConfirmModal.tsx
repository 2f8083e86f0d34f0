import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogFooter } from './DialogFooter';

/**
 * The one way a destructive or access-changing action asks first, as the AWS console does:
 * a modal with the question, "Cancel" and the action. Focus moves into it and back to what
 * opened it; Escape and "Cancel" close it without acting. With `typeToConfirm`, the action
 * waits until that text is typed out (deleting asks for the user's e-mail, as AWS asks for a
 * resource's name).
 */
export function ConfirmModal({
  visible,
  header,
  children,
  confirmLabel,
  typeToConfirm,
  busy = false,
  onConfirm,
  onDismiss,
}: {
  visible: boolean;
  header: string;
  children: ReactNode;
  confirmLabel: string;
  typeToConfirm?: string;
  busy?: boolean;
  onConfirm(): void;
  onDismiss(): void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const confirmed =
    typeToConfirm === undefined || typed.trim().toLowerCase() === typeToConfirm.toLowerCase();
  const dismiss = () => {
    setTyped('');
    onDismiss();
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!confirmed || busy) return;
    setTyped('');
    onConfirm();
  };
  return (
    <Modal
      visible={visible}
      header={header}
      onDismiss={dismiss}
      closeAriaLabel={t('app.close')}
      footer={
        <DialogFooter onCancel={dismiss}>
          <Button
            variant="primary"
            onClick={() => {
              if (!confirmed || busy) return;
              setTyped('');
              onConfirm();
            }}
            disabled={!confirmed}
            loading={busy}
          >
            {confirmLabel}
          </Button>
        </DialogFooter>
      }
    >
      <form onSubmit={submit}>
        <SpaceBetween size="m">
          <Box variant="span">{children}</Box>
          {typeToConfirm !== undefined && (
            <FormField label={t('app.typeToConfirm', { text: typeToConfirm })}>
              <Input
                value={typed}
                onChange={({ detail }) => setTyped(detail.value)}
                autoComplete={false}
                name="confirm"
              />
            </FormField>
          )}
        </SpaceBetween>
      </form>
    </Modal>
  );
}
