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
      const actorEmail = audit.actor.email;
      const posted = await postAnnouncement(body, actorEmail, new Date());
      audit.target = `${posted.title} (${posted.id})`;
      return posted;
    }),

  deleteAnnouncement: async ({ params }, event) => {
    await audited(event, 'deleteAnnouncement', params.id, () => deleteAnnouncement(params.id));
  },
};
