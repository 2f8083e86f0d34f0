import {
  deleteAnnouncement,
  listAnnouncements,
  postAnnouncement,
} from '../shared/announcement-store';
import type { RouteHandlers } from '../shared/rest-handler';
import { audited } from './audited';

export const announcementHandlers: Pick<
  RouteHandlers<'admin'>,
  'listAnnouncementsAdmin' | 'postAnnouncement' | 'deleteAnnouncement'
> = {
  listAnnouncementsAdmin: async () => ({ announcements: await listAnnouncements() }),

  postAnnouncement: ({ body }, event) =>
    audited(event, 'postAnnouncement', body.title, async (audit) => {
      const { username, email } = audit.actor;
      const posted = await postAnnouncement(
        body,
        { username, shownAs: email ?? username },
        new Date(),
      );
      audit.target = announcementTarget(posted.title, posted.id);
      return posted;
    }),

  deleteAnnouncement: async ({ params }, event) => {
    await audited(event, 'deleteAnnouncement', params.id, async (audit) => {
      const { title } = await deleteAnnouncement(params.id);
      // Named as its post was, so the log says which announcement went, not only its id.
      if (title !== undefined) audit.target = announcementTarget(title, params.id);
    });
  },
};

/** How the audit log names an announcement: its title, and its id to tell alike ones apart. */
const announcementTarget = (title: string, id: string) => `${title} (${id})`;
