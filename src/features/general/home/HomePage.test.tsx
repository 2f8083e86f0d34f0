// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Announcement } from '@contract';
import { renderScreen } from '../../../testing/render-screen';
import HomePage from './HomePage';

const maintenance: Announcement = {
  id: 'm0000000000000',
  title: 'Maintenance <b>window</b>',
  body: 'Sunday 02:00\nBack by 03:00\n\n<img src=x>',
  author: 'ops@example.com',
  authorUsername: 'u-ops',
  createdAt: '2026-11-21T09:00:00.000Z',
};

async function renderHome(announcements: Announcement[]) {
  await renderScreen(<HomePage />, {
    routes: { listAnnouncements: () => ({ announcements }) },
  });
  expect(screen.getByRole('heading', { level: 1, name: 'Home' })).toBeTruthy();
}

afterEach(cleanup);

describe('Home', () => {
  it('shows each announcement as an article: title, text with its line breaks, author and date', async () => {
    await renderHome([maintenance]);

    const article = await screen.findByRole('article', { name: 'Maintenance <b>window</b>' });
    expect(
      within(article).getByRole('heading', { name: 'Maintenance <b>window</b>' }),
    ).toBeTruthy();
    expect(article.textContent).toContain('Sunday 02:00');
    expect(article.textContent).toContain('by ops@example.com');
    expect(article.textContent).toMatch(/2026/);
    // Two line breaks, then the blank line's: the text reads as the author wrote it.
    expect(article.querySelectorAll('br')).toHaveLength(3);
    // Plain text: markup in it is shown, never run.
    expect(article.textContent).toContain('<img src=x>');
    expect(article.querySelector('img, b')).toBeNull();
  });

  it('says so when there are no announcements', async () => {
    await renderHome([]);
    expect(await screen.findByText('No announcements yet.')).toBeTruthy();
    expect(screen.queryByRole('article')).toBeNull();
  });
});
