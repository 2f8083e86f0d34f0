import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Announcement } from '@contract/announcements';

/**
 * One announcement as people read it: an article named by its title, then its text with the
 * author's line breaks. Title and text are plain text: React renders them as text, never HTML.
 */
export function AnnouncementItem({ announcement }: { announcement: Announcement }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const date = new Date(announcement.createdAt).toLocaleString(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <article aria-labelledby={headingId}>
      <Container
        header={
          <Header
            variant="h3"
            description={t('admin.announcements.by', { author: announcement.author, date })}
          >
            <span id={headingId}>{announcement.title}</span>
          </Header>
        }
      >
        <TextWithLineBreaks text={announcement.body} />
      </Container>
    </article>
  );
}

/** Text with its line breaks kept, whatever the page's CSS says about white space. */
function TextWithLineBreaks({ text }: { text: string }) {
  return (
    <div>
      {text.split('\n').map((line, index) => (
        <Fragment key={index}>
          {index > 0 && <br />}
          {line}
        </Fragment>
      ))}
    </div>
  );
}
