// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { englishI18n } from '../testing/render-screen';
import { ConfirmModal } from './ConfirmModal';

afterEach(cleanup);

function DeleteButton({ onConfirm, onDismiss }: { onConfirm(): void; onDismiss(): void }) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button onClick={() => setAsking(true)}>Delete user</button>
      <ConfirmModal
        visible={asking}
        header="Delete user"
        confirmLabel="Delete"
        typeToConfirm="ada@example.com"
        onConfirm={() => {
          setAsking(false);
          onConfirm();
        }}
        onDismiss={() => {
          setAsking(false);
          onDismiss();
        }}
      >
        Deleting ada@example.com cannot be undone.
      </ConfirmModal>
    </>
  );
}

async function renderDelete() {
  const onConfirm = vi.fn();
  const onDismiss = vi.fn();
  render(
    <I18nextProvider i18n={await englishI18n()}>
      <DeleteButton onConfirm={onConfirm} onDismiss={onDismiss} />
    </I18nextProvider>,
  );
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Delete user' }));
  return { user, onConfirm, onDismiss, dialog: screen.getByRole('dialog') };
}

describe('ConfirmModal', () => {
  it('acts only once the text is typed out exactly', async () => {
    const { user, onConfirm, dialog } = await renderDelete();
    const go = within(dialog).getByRole('button', { name: 'Delete' });
    const field = within(dialog).getByLabelText('To confirm, type “ada@example.com”');
    await user.type(field, 'bob@example.com');
    await user.click(go);
    expect(onConfirm).not.toHaveBeenCalled();
    await user.clear(field);
    await user.type(field, 'ADA@example.com');
    await user.click(go);
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it('closes without acting on Cancel (Escape: e2e/accessibility.spec.ts, in a browser)', async () => {
    const { user, onConfirm, onDismiss, dialog } = await renderDelete();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
  });
});
