import Box from '@cloudscape-design/components/box';
import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUP_NAMES, type GroupName } from '@contract';

export interface InviteDraft {
  email: string;
  groups: GroupName[];
}

/**
 * The invitation's fields: the address (its error next to it) and the groups to start in.
 * Enter in the address sends, as the modal's button does.
 */
export function InviteUserForm({
  draft,
  invalid,
  onChange,
  onSubmit,
}: {
  draft: InviteDraft;
  /** The address was checked and is not one. */
  invalid: boolean;
  onChange(draft: InviteDraft): void;
  onSubmit(): void;
}) {
  const { t } = useTranslation();
  const groupsLabel = useId();
  const toggle = (group: GroupName, on: boolean) =>
    onChange({
      ...draft,
      groups: on ? [...draft.groups, group] : draft.groups.filter((g) => g !== group),
    });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate>
      <SpaceBetween size="l">
        <FormField
          label={t('form.email')}
          errorText={invalid ? t('users.invite.invalidEmail') : undefined}
        >
          <Input
            type="email"
            inputMode="email"
            name="email"
            autoComplete={false}
            value={draft.email}
            invalid={invalid}
            onChange={({ detail }) => onChange({ ...draft, email: detail.value })}
          />
        </FormField>
        {/* Checkboxes inside a FormField would each be named after it too: a group instead. */}
        <div role="group" aria-labelledby={groupsLabel}>
          <SpaceBetween size="xxs">
            <Box id={groupsLabel} variant="awsui-key-label">
              {t('users.invite.groups')}
            </Box>
            {GROUP_NAMES.map((group) => (
              <Checkbox
                key={group}
                name="groups"
                checked={draft.groups.includes(group)}
                onChange={({ detail }) => toggle(group, detail.checked)}
              >
                {group}
              </Checkbox>
            ))}
          </SpaceBetween>
        </div>
      </SpaceBetween>
    </form>
  );
}
