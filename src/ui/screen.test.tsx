// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { englishI18n } from '../testing/render-screen';
import { ScreenInfoProvider, useScreen, type ScreenInfo } from './screen';

afterEach(cleanup);

function Users() {
  useScreen('ada@example.com', [{ text: 'Users', href: '/admin/users' }]);
  return null;
}

describe('useScreen', () => {
  it('titles the document after the screen and tells the frame its trail', async () => {
    const onChange = vi.fn<(info: ScreenInfo) => void>();
    render(
      <I18nextProvider i18n={await englishI18n()}>
        <ScreenInfoProvider onChange={onChange}>
          <Users />
        </ScreenInfoProvider>
      </I18nextProvider>,
    );
    expect(document.title).toBe('ada@example.com · Cognito IAM console');
    expect(onChange).toHaveBeenLastCalledWith({
      title: 'ada@example.com',
      trail: [{ text: 'Users', href: '/admin/users' }],
    });
  });
});
