// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Announcement } from '@contract';
import { refusal, type FakeCall, type FakeRoutes } from '../../../testing/fake-api';
import { renderScreen } from '../../../testing/render-screen';
import AnnouncementsAdminPage from './AnnouncementsAdminPage';

const AT = '2026-11-21T09:00:00.000Z';

/** The announcements as the admin API keeps them, changed by the screen's routes. */
function announcementApi(initial: Announcement[] = []) {
  const announcements = [...initial];
  return {
    listAnnouncementsAdmin: () => ({ announcements: [...announcements] }),
    postAnnouncement: ({ body }) => {
      const posted = {
        id: `a${announcements.length}aaaaaaaaaaaa`,
        ...body,
        author: 'admin@example.com',
        authorUsername: 'u-admin',
        createdAt: AT,
      };
      announcements.unshift(posted);
      return posted;
    },
    deleteAnnouncement: ({ params }) => {
      announcements.splice(
        announcements.findIndex((a) => a.id === params.id),
        1,
      );
      return undefined;
    },
  } satisfies FakeRoutes;
}

const maintenance: Announcement = {
  id: 'm0000000000000',
  title: 'Maintenance',
  body: 'Sunday 02:00',
  author: 'ops@example.com',
  authorUsername: 'u-ops',
  createdAt: AT,
};

async function renderPage(routes: FakeRoutes = announcementApi()) {
  const rendered = await renderScreen(<AnnouncementsAdminPage />, { routes });
  await screen.findByRole('heading', { level: 1, name: 'Announcements' });
  return rendered;
}

const titleField = () => screen.getByRole('textbox', { name: 'Title' });
const textField = () => screen.getByRole('textbox', { name: 'Text' });
const postButton = () => screen.getByRole('button', { name: 'Post announcement' });
const posts = (calls: FakeCall[]) => calls.filter((c) => c.route === 'postAnnouncement');

afterEach(cleanup);

describe('the new announcement form', () => {
  it('posts the title and text, says so in the flashbar and empties the form', async () => {
    const { user, calls } = await renderPage();
    await user.type(titleField(), '  Maintenance ');
    await user.type(textField(), 'Sunday 02:00{Enter}Back by 03:00');
    await user.click(postButton());

    expect(await screen.findByText('Announcement posted.')).toBeTruthy();
    expect(posts(calls)[0]?.input).toEqual({
      body: { title: 'Maintenance', body: 'Sunday 02:00\nBack by 03:00' },
    });
    expect(await screen.findByRole('rowheader', { name: 'Maintenance' })).toBeTruthy();
    expect((titleField() as HTMLInputElement).value).toBe('');
    expect((textField() as HTMLTextAreaElement).value).toBe('');
  });

  it('says “Enter a title” and “Enter the text” next to fields of only spaces, and posts nothing', async () => {
    const { user, calls } = await renderPage();
    await user.type(titleField(), '   ');
    await user.type(textField(), ' {Enter} ');
    await user.click(postButton());

    expect(titleField().getAttribute('aria-invalid')).toBe('true');
    expect(textField().getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(titleField())).toContain('Enter a title.');
    expect(describedBy(textField())).toContain('Enter the text.');
    expect(titleField()).toBe(document.activeElement);
    expect(posts(calls)).toHaveLength(0);
  });

  it('counts characters against the API’s limits as they are typed', async () => {
    const { user } = await renderPage();
    expect(describedBy(titleField())).toContain('0/120 characters');
    expect(describedBy(textField())).toContain('0/4000 characters');

    await user.type(titleField(), 'Maintenance');

    expect(describedBy(titleField())).toContain('11/120 characters');
  });

  it('says how much too long a 297-character title and a 4,880-character text are, and cuts and posts nothing', async () => {
    const { user, calls } = await renderPage();
    const longTitle = 'Maintenance '.repeat(25).slice(0, 297);
    const longText = 'Sunday 02:00 '.repeat(376).slice(0, 4880);
    await user.click(titleField());
    await user.paste(longTitle);
    await user.click(textField());
    await user.paste(longText);

    // Said at once, before any attempt to post; nothing typed is cut off.
    expect((titleField() as HTMLInputElement).value).toBe(longTitle);
    expect((textField() as HTMLTextAreaElement).value).toBe(longText);
    expect(describedBy(titleField())).toContain('297/120 characters');
    expect(describedBy(titleField())).toContain('Too long: at most 120 characters. Remove 177.');
    expect(describedBy(textField())).toContain('4880/4000 characters');
    expect(describedBy(textField())).toContain('Too long: at most 4000 characters. Remove 880.');

    await user.click(postButton());
    expect(posts(calls)).toHaveLength(0);
  });

  it('posts once the fields are within their limits', async () => {
    const { user, calls } = await renderPage();
    await user.click(titleField());
    await user.paste('T'.repeat(121));
    await user.type(textField(), 'Body');
    await user.click(postButton());
    expect(posts(calls)).toHaveLength(0);

    await user.type(titleField(), '{Backspace}');
    expect(titleField().getAttribute('aria-invalid')).not.toBe('true');
    await user.click(postButton());

    await screen.findByText('Announcement posted.');
    expect(posts(calls)[0]?.input).toEqual({ body: { title: 'T'.repeat(120), body: 'Body' } });
  });

  it('says in the flashbar why a post was refused, and keeps what was written', async () => {
    const { user } = await renderPage({
      ...announcementApi(),
      postAnnouncement: () => {
        throw refusal(403, 'AccessDeniedException', 'User is not authorized');
      },
    });
    await user.type(titleField(), 'Maintenance');
    await user.type(textField(), 'Sunday');
    await user.click(postButton());

    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.queryByText('Announcement posted.')).toBeNull();
    expect((titleField() as HTMLInputElement).value).toBe('Maintenance');
  });
});

describe('the posted announcements', () => {
  it('lists each with its author, and says so when there are none', async () => {
    await renderPage(announcementApi([maintenance]));
    const row = (await screen.findByRole('rowheader', { name: 'Maintenance' })).closest('tr')!;
    expect(within(row).getByText('ops@example.com')).toBeTruthy();

    cleanup();
    await renderPage(announcementApi());
    expect(await screen.findByText('No announcements yet.')).toBeTruthy();
  });

  it('deletes one only after asking, and says so in the flashbar', async () => {
    const { user, calls } = await renderPage(announcementApi([maintenance]));
    await user.click(await screen.findByRole('button', { name: 'Delete “Maintenance”' }));

    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('Delete the announcement “Maintenance”?');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls.some((c) => c.route === 'deleteAnnouncement')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Delete “Maintenance”' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));

    expect(await screen.findByText('Announcement “Maintenance” deleted.')).toBeTruthy();
    expect(await screen.findByText('No announcements yet.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});

/** What a field's description says: its counter and any error next to it. */
function describedBy(field: HTMLElement): string {
  return (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}
