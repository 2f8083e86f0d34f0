import FormField from '@cloudscape-design/components/form-field';
import Grid from '@cloudscape-design/components/grid';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COGNITO_USER_STATUSES,
  GROUP_NAMES,
  USER_FILTER_ATTRIBUTES,
  USER_FILTER_MATCHES,
  USER_FILTER_VALUE_MAX,
  USER_STATUS_FILTERS,
  userFilterProblem,
  type GroupName,
  type UserFilterAttribute,
  type UserFilterProblem,
  type UserStatusFilter,
} from '@contract';
import { attributeLabelKey, type UsersFilters } from './users-filters';

/** Cognito's statuses are a closed list: chosen from it rather than typed. */
const isChosenFromList = (attribute: UserFilterAttribute) => attribute === 'cognito:user_status';

/**
 * The Users list's filters, as the Cognito console lays them out, all applied by the API:
 * an attribute, how it matches and its value (Cognito's `Filter`; a typed value applies a
 * moment after typing stops, so each keystroke is not a request, and a value the attribute
 * cannot have is said beside the field instead of sent), the status and the group.
 */
export function UsersFilter({
  filters,
  text,
  countText,
  onTextChange,
  onChange,
  onUnsendable,
}: {
  /** The filters the list shows. */
  filters: UsersFilters;
  /** What is typed in the value field. */
  text: string;
  /** How many users match, once the list shows the typed value's result. */
  countText: string | undefined;
  onTextChange(text: string): void;
  /** Filters to apply. */
  onChange(filters: UsersFilters): void;
  /**
   * Whether the typed value cannot be sent (its problem is shown beside it): the list then
   * shows nobody rather than everyone, so no one is acted on under a filter that did not apply.
   */
  onUnsendable(unsendable: boolean): void;
}) {
  const { t } = useTranslation();
  // The problem of the value as last applied; shown while that is what the field holds.
  const [checked, setChecked] = useState<{ text: string; problem: UserFilterProblem }>();
  const problem = checked?.text === text ? checked.problem : undefined;
  const attributeLabel = (attribute: UserFilterAttribute) => t(attributeLabelKey(attribute));
  // What the field and the filters hold now, for the text filter's delayed change (200 ms on).
  const latest = useRef({ text, filters });
  useEffect(() => {
    latest.current = { text, filters };
  }, [text, filters]);

  /** The typed value with `next`'s attribute and match, applied if it can be sent. */
  function applyTyped(next: UsersFilters, typed: string) {
    const value = typed.trim();
    const found = value ? userFilterProblem(next.attribute, next.match, value) : undefined;
    setChecked(found && { text: typed, problem: found });
    onUnsendable(Boolean(found));
    onChange({ ...next, value: found ? '' : value });
  }

  function chooseAttribute(attribute: UserFilterAttribute) {
    if (isChosenFromList(attribute)) {
      onTextChange('');
      onUnsendable(false);
      onChange({ ...filters, attribute, match: 'exact', value: '' });
      return;
    }
    // From the list of statuses back to a typed value: "Starts with" again, as at first.
    const match = isChosenFromList(filters.attribute) ? 'prefix' : filters.match;
    applyTyped({ ...filters, attribute, match }, text);
  }

  const attributeOptions = USER_FILTER_ATTRIBUTES.map((value) => ({
    value,
    label: attributeLabel(value),
  }));
  const matchOptions = USER_FILTER_MATCHES.map((value) => ({
    value,
    label: t(`users.filterBar.matches.${value}`),
  }));
  const anyStatus: SelectProps.Option = { value: '', label: t('users.anyStatus') };
  const statusOptions: SelectProps.Option[] = [
    anyStatus,
    ...USER_STATUS_FILTERS.map((value) => ({ value, label: t(`users.filters.${value}`) })),
  ];
  const anyGroup: SelectProps.Option = { value: '', label: t('users.filterBar.anyGroup') };
  const groupOptions: SelectProps.Option[] = [
    anyGroup,
    ...GROUP_NAMES.map((value) => ({ value, label: value })),
  ];
  const userStatusOptions = COGNITO_USER_STATUSES.map((value) => ({
    value,
    label: t(`users.statuses.${value}`),
  }));
  const valueLabel = t(`users.filterBar.valueLabel.${filters.match}`, {
    attribute: attributeLabel(filters.attribute),
  });

  const value = isChosenFromList(filters.attribute) ? (
    <Select
      ariaLabel={valueLabel}
      placeholder={t('users.filterBar.chooseStatus')}
      options={userStatusOptions}
      selectedOption={userStatusOptions.find((o) => o.value === filters.value) ?? null}
      onChange={({ detail }) => onChange({ ...filters, value: detail.selectedOption.value ?? '' })}
    />
  ) : (
    <FormField
      errorText={
        problem && t(`users.filterBar.problems.${problem}`, { max: USER_FILTER_VALUE_MAX })
      }
    >
      <TextFilter
        filteringText={text}
        filteringAriaLabel={valueLabel}
        filteringPlaceholder={t(`users.filterBar.placeholder.${filters.match}`)}
        filteringClearAriaLabel={t('users.filterBar.clearValue')}
        countText={countText}
        onChange={({ detail }) => onTextChange(detail.filteringText)}
        onDelayedChange={({ detail }) => {
          // Typed a moment ago, then cleared or replaced (Clear filters, an attribute chosen
          // from a list): too late to apply. Otherwise applied to the filters as they are now.
          if (detail.filteringText !== latest.current.text) return;
          applyTyped(latest.current.filters, detail.filteringText);
        }}
      />
    </FormField>
  );

  return (
    <Grid
      // One row from a tablet up, as the AWS console's table filters; on a phone, pairs.
      gridDefinition={[
        { colspan: { default: 6, s: 2 } },
        { colspan: { default: 6, s: 2 } },
        { colspan: { default: 12, s: 4 } },
        { colspan: { default: 6, s: 2 } },
        { colspan: { default: 6, s: 2 } },
      ]}
    >
      <Select
        ariaLabel={t('users.filterBar.attribute')}
        options={attributeOptions}
        selectedOption={attributeOptions.find((o) => o.value === filters.attribute) ?? null}
        onChange={({ detail }) =>
          chooseAttribute(detail.selectedOption.value as UserFilterAttribute)
        }
      />
      <Select
        ariaLabel={t('users.filterBar.match')}
        options={matchOptions}
        selectedOption={matchOptions.find((o) => o.value === filters.match) ?? null}
        // A status is one of a list: only an exact match makes sense.
        disabled={isChosenFromList(filters.attribute)}
        onChange={({ detail }) =>
          applyTyped(
            { ...filters, match: detail.selectedOption.value as UsersFilters['match'] },
            text,
          )
        }
      />
      {value}
      <Select
        ariaLabel={t('users.statusFilter')}
        options={statusOptions}
        selectedOption={statusOptions.find((o) => o.value === (filters.status ?? '')) ?? anyStatus}
        onChange={({ detail }) =>
          onChange({
            ...filters,
            status: (detail.selectedOption.value || undefined) as UserStatusFilter | undefined,
          })
        }
      />
      <Select
        ariaLabel={t('users.filterBar.group')}
        options={groupOptions}
        selectedOption={groupOptions.find((o) => o.value === (filters.group ?? '')) ?? anyGroup}
        onChange={({ detail }) =>
          onChange({
            ...filters,
            group: (detail.selectedOption.value || undefined) as GroupName | undefined,
          })
        }
      />
    </Grid>
  );
}
