import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDITED_ACTIONS, type AuditedAction } from '@contract';
import { hasFilters, NO_FILTERS, type AuditFilterValues } from './audit-filters';

/**
 * The log's filters, applied together by "Filter" (each is a new read of the log from its
 * newest entry). `applied` is what the log shows now; "Clear filters" goes back to all.
 */
export function AuditFilters({
  applied,
  onApply,
}: {
  applied: AuditFilterValues;
  onApply(filters: AuditFilterValues): void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(applied);
  // A filter applied from elsewhere ("Clear filters" in the empty state) shows here too.
  const [shownFor, setShownFor] = useState(applied);
  if (shownFor !== applied) {
    setShownFor(applied);
    setDraft(applied);
  }

  const anyAction: SelectProps.Option = { value: '', label: t('audit.anyAction') };
  const options: SelectProps.Option[] = [
    anyAction,
    ...AUDITED_ACTIONS.map((value) => ({ value, label: t(`routes.${value}`) })),
  ];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply({ ...draft, actor: draft.actor.trim() });
  }

  return (
    <form role="search" aria-label={t('audit.filter')} onSubmit={submit}>
      <SpaceBetween direction="horizontal" size="s" alignItems="end">
        <FormField label={t('audit.actor')} description={t('audit.actorHint')}>
          <Input
            name="actor"
            type="email"
            inputMode="email"
            value={draft.actor}
            onChange={({ detail }) => setDraft({ ...draft, actor: detail.value })}
          />
        </FormField>
        <FormField label={t('audit.action')}>
          <Select
            selectedOption={options.find((option) => option.value === draft.action) ?? anyAction}
            options={options}
            onChange={({ detail }) =>
              setDraft({ ...draft, action: (detail.selectedOption.value ?? '') as AuditedAction })
            }
          />
        </FormField>
        <SpaceBetween direction="horizontal" size="xs">
          <Button>{t('audit.applyFilter')}</Button>
          <Button
            formAction="none"
            disabled={!hasFilters(applied) && !hasFilters(draft)}
            onClick={() => {
              setDraft(NO_FILTERS);
              onApply(NO_FILTERS);
            }}
          >
            {t('audit.clearFilters')}
          </Button>
        </SpaceBetween>
      </SpaceBetween>
    </form>
  );
}
