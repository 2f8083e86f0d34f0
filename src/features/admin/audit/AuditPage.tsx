import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { routeQuery } from '../../../api/route-queries';
import { AUDITED_ACTIONS, type AuditedAction } from '@contract';
import { DateTime } from '../../../ui/DateTime';
import { Pager } from '../../../ui/Pager';
import { QueryStatus } from '../../../ui/QueryStatus';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { useCursorPages } from '../../../ui/use-cursor-pages';

const PAGE_SIZE = 25;

interface Filters {
  actor: string;
  action: AuditedAction | '';
}

/** Who did what to whom and when, newest first, filtered by actor and action. */
export default function AuditPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filters>({ actor: '', action: '' });
  const [filters, setFilters] = useState<Filters>(draft);
  const pages = useCursorPages();
  const query = {
    limit: PAGE_SIZE,
    ...(filters.actor ? { actor: filters.actor } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(pages.cursor ? { cursor: pages.cursor } : {}),
  };
  const audit = useQuery({
    ...routeQuery('listAudit', { query }),
    placeholderData: keepPreviousData,
  });

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFilters({ ...draft, actor: draft.actor.trim() });
    pages.reset();
  }

  return (
    <section className="panel wide" aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('audit.heading')}</h2>
      <form role="search" aria-label={t('audit.filter')} className="filters" onSubmit={apply}>
        <TextField
          label={t('audit.actor')}
          name="actor"
          type="search"
          value={draft.actor}
          onChange={(e) => setDraft({ ...draft, actor: e.target.value })}
        />
        <SelectField
          label={t('audit.action')}
          name="action"
          value={draft.action}
          onChange={(e) => setDraft({ ...draft, action: e.target.value as Filters['action'] })}
          options={[
            { value: '', label: t('audit.anyAction') },
            ...AUDITED_ACTIONS.map((value) => ({ value, label: t(`routes.${value}`) })),
          ]}
        />
        <button type="submit">{t('audit.applyFilter')}</button>
      </form>
      <QueryStatus query={audit}>
        {(page) => (
          <div aria-busy={audit.isFetching}>
            {audit.fetchStatus === 'paused' && <p role="status">{t('app.waitingForNetwork')}</p>}
            {page.entries.length === 0 ? (
              <p>{t('audit.empty')}</p>
            ) : (
              <table>
                <caption>{t('audit.caption', { page: pages.pageNumber })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('audit.when')}</th>
                    <th scope="col">{t('audit.actor')}</th>
                    <th scope="col">{t('audit.action')}</th>
                    <th scope="col">{t('audit.target')}</th>
                    <th scope="col">{t('audit.outcome')}</th>
                    <th scope="col">{t('audit.requestId')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.entries.map((entry) => (
                    <tr key={entry.id}>
                      <td>
                        <DateTime value={entry.at} />
                      </td>
                      <td>
                        {/* A verified e-mail, else who they are in the pool: never a claim. */}
                        {entry.actor.email ?? entry.actor.username}
                      </td>
                      <td>{t(`routes.${entry.action}`)}</td>
                      <td>{entry.target}</td>
                      <td>
                        {entry.outcome === 'failure'
                          ? t('audit.failure', { error: entry.error ?? '' })
                          : t(`audit.${entry.outcome}`)}
                      </td>
                      <td>
                        <code>{entry.requestId}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <Pager
              label={t('audit.pages')}
              pageNumber={pages.pageNumber}
              nextCursor={page.nextCursor}
              busy={audit.isFetching}
              onPrevious={pages.previous}
              onNext={pages.next}
            />
          </div>
        )}
      </QueryStatus>
    </section>
  );
}
