import { z } from 'zod';

export const ANNOUNCEMENT_TITLE_MAX = 120;
export const ANNOUNCEMENT_BODY_MAX = 4000;

export const postAnnouncementBody = z.strictObject({
  title: z.string().trim().min(1).max(ANNOUNCEMENT_TITLE_MAX),
  /** Plain text: shown as text, never as HTML. */
  body: z.string().trim().min(1).max(ANNOUNCEMENT_BODY_MAX),
});
export type PostAnnouncementBody = z.infer<typeof postAnnouncementBody>;

export const announcementParams = z.object({
  id: z.string().regex(/^[0-9a-z]{10,40}$/, 'is not an announcement id'),
});

export const announcement = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  /** Who posted it, as shown: their verified e-mail at the time (their `sub` if none). */
  author: z.string(),
  /** The author's user-pool `sub`: who posted it, whatever their e-mail becomes. */
  authorUsername: z.string(),
  createdAt: z.iso.datetime(),
});
export type Announcement = z.infer<typeof announcement>;

export const announcementList = z.object({ announcements: z.array(announcement) });
export type AnnouncementList = z.infer<typeof announcementList>;
