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
      audit.target = `${posted.title} (${posted.id})`;
      return posted;
    }),

  deleteAnnouncement: async ({ params }, event) => {
    await audited(event, 'deleteAnnouncement', params.id, () => deleteAnnouncement(params.id));
  },
};
