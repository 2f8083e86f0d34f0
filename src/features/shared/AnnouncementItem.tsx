import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Announcement } from '@contract/announcements';

/** One announcement. Title and body are plain text: React renders them as text, never HTML. */
export function AnnouncementItem({
  announcement,
  actions,
}: {
  announcement: Announcement;
  actions?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const date = new Date(announcement.createdAt).toLocaleString(i18n.language);
  return (
    <li>
      <article aria-labelledby={`announcement-${announcement.id}`}>
        <h4 id={`announcement-${announcement.id}`}>{announcement.title}</h4>
        <p className="announcement-body">{announcement.body}</p>
        <p className="hint">{t('admin.announcements.by', { author: announcement.author, date })}</p>
        {actions}
      </article>
    </li>
  );
}
