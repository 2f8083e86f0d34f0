import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteMutation } from '../../../api/route-mutations';
import { routeQuery } from '../../../api/route-queries';
import {
  ANNOUNCEMENT_BODY_MAX,
  ANNOUNCEMENT_TITLE_MAX,
  postAnnouncementBody,
} from '@contract/announcements';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { QueryStatus } from '../../../ui/QueryStatus';
import { Notice } from '../../../ui/Notice';
import { TextArea, TextField } from '../../../ui/TextField';
import { AnnouncementItem } from '../../shared/AnnouncementItem';

/** Write, list and delete announcements (signed admin calls). */
export default function AnnouncementsAdminPage() {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const list = useQuery(routeQuery('listAnnouncementsAdmin'));

  const post = useRouteMutation('postAnnouncement', {
    onSuccess: () => {
      setTitle('');
      setBody('');
    },
  });
  const remove = useRouteMutation('deleteAnnouncement');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The contract's own schema checks the form before anything is sent.
    const parsed = postAnnouncementBody.safeParse({ title, body });
    if (parsed.success && !post.isPending) post.mutate({ body: parsed.data });
  }

  return (
    <section className="panel" aria-labelledby="announcements-heading">
      <h2 id="announcements-heading">{t('admin.announcements.heading')}</h2>
      <form onSubmit={onSubmit}>
        <TextField
          label={t('admin.announcements.title')}
          name="title"
          required
          maxLength={ANNOUNCEMENT_TITLE_MAX}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <TextArea
          label={t('admin.announcements.body')}
          name="body"
          required
          rows={4}
          maxLength={ANNOUNCEMENT_BODY_MAX}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
        <ErrorNotice error={post.error} />
        {post.isSuccess && <Notice>{t('admin.announcements.posted')}</Notice>}
        <button type="submit" disabled={post.isPending}>
          {t('admin.announcements.post')}
        </button>
      </form>
      <ErrorNotice error={remove.error} />
      {remove.isSuccess && <Notice>{t('admin.announcements.removed')}</Notice>}
      <QueryStatus query={list}>
        {({ announcements }) =>
          announcements.length === 0 ? (
            <p>{t('admin.announcements.empty')}</p>
          ) : (
            <ul className="announcements">
              {announcements.map((item) => (
                <AnnouncementItem
                  key={item.id}
                  announcement={item}
                  actions={
                    <ConfirmButton
                      label={t('admin.announcements.remove', { title: item.title })}
                      question={t('admin.announcements.confirmRemove', { title: item.title })}
                      confirmLabel={t('admin.announcements.remove', { title: item.title })}
                      busy={remove.isPending}
                      onConfirm={() => remove.mutate({ params: { id: item.id } })}
                    />
                  }
                />
              ))}
            </ul>
          )
        }
      </QueryStatus>
    </section>
  );
}
