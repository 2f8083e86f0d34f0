import Grid from '@cloudscape-design/components/grid';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useTranslation } from 'react-i18next';
import { USER_STATUS_FILTERS, type UserStatusFilter } from '@contract';

/**
 * The Users list's filters, both applied by the API: the start of the e-mail (applied a
 * moment after typing stops, so each keystroke is not a request) and the status.
 */
export function UsersFilter({
  text,
  status,
  countText,
  onTextChange,
  onTextSettled,
  onStatusChange,
}: {
  /** What is typed in the e-mail filter. */
  text: string;
  status: UserStatusFilter | undefined;
  /** How many users match, once the list shows the typed filter's result. */
  countText: string | undefined;
  onTextChange(text: string): void;
  /** The typed text, once typing paused. */
  onTextSettled(text: string): void;
  onStatusChange(status: UserStatusFilter | undefined): void;
}) {
  const { t } = useTranslation();
  const anyStatus: SelectProps.Option = { value: '', label: t('users.anyStatus') };
  const options: SelectProps.Option[] = [
    anyStatus,
    ...USER_STATUS_FILTERS.map((value) => ({ value, label: t(`users.filters.${value}`) })),
  ];
  const selected = options.find((option) => option.value === (status ?? '')) ?? anyStatus;
  return (
    <Grid gridDefinition={[{ colspan: { default: 12, s: 8 } }, { colspan: { default: 12, s: 4 } }]}>
      <TextFilter
        filteringText={text}
        filteringAriaLabel={t('users.emailPrefix')}
        filteringPlaceholder={t('users.list.emailPlaceholder')}
        filteringClearAriaLabel={t('users.list.clearEmail')}
        countText={countText}
        onChange={({ detail }) => onTextChange(detail.filteringText)}
        onDelayedChange={({ detail }) => onTextSettled(detail.filteringText)}
      />
      <Select
        inlineLabelText={t('users.statusFilter')}
        options={options}
        selectedOption={selected}
        onChange={({ detail }) =>
          onStatusChange((detail.selectedOption.value || undefined) as UserStatusFilter | undefined)
        }
      />
    </Grid>
  );
}
