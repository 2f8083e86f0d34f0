// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { englishI18n } from '../testing/render-screen';
import { FlashMessages, FlashProvider, useFlash } from './flash';

afterEach(cleanup);

type Flashes = ReturnType<typeof useFlash>;
const captured: { flash?: Flashes } = {};
function Capture({ onFlash }: { onFlash(flash: Flashes): void }) {
  const flash = useFlash();
  useEffect(() => onFlash(flash), [flash, onFlash]);
  return null;
}
const keep = (flash: Flashes) => {
  captured.flash = flash;
};

async function renderFlashbar() {
  render(
    <I18nextProvider i18n={await englishI18n()}>
      <FlashProvider>
        <Capture onFlash={keep} />
        <FlashMessages />
      </FlashProvider>
    </I18nextProvider>,
  );
  return userEvent.setup();
}

describe('the flashbar', () => {
  it('replaces an older result about the same thing, and stacks results about others', async () => {
    await renderFlashbar();
    act(() => captured.flash!.success('user:ada', 'ada@example.com is disabled.'));
    act(() => captured.flash!.success('user:bob', 'bob@example.com is disabled.'));
    act(() => captured.flash!.success('user:ada', 'ada@example.com is enabled.'));
    const messages = screen.getAllByRole('status').map((item) => item.textContent);
    expect(messages.some((text) => text?.includes('ada@example.com is enabled.'))).toBe(true);
    expect(messages.some((text) => text?.includes('bob@example.com is disabled.'))).toBe(true);
    expect(messages.some((text) => text?.includes('ada@example.com is disabled.'))).toBe(false);
  });

  it('keeps a result until it is dismissed', async () => {
    const user = await renderFlashbar();
    act(() => captured.flash!.success('announcement', 'Announcement posted.'));
    const item = screen.getByRole('status');
    await user.click(within(item).getByRole('button', { name: 'Dismiss' }));
    // Cloudscape lets the item slide out before it leaves the page.
    await waitFor(() => expect(screen.queryByText('Announcement posted.')).toBeNull());
  });

  it('says why an action failed, as an alert', async () => {
    await renderFlashbar();
    act(() => captured.flash!.failure('user:ada', new TypeError('Failed to fetch')));
    expect(screen.getByRole('alert').textContent).toContain('Could not reach the API.');
  });
});
