import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminApi } from '../../../api/api-context';
import { GROUP_NAMES, inviteUserBody, type GroupName } from '../../../contract';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { StatusNotice } from '../../../ui/StatusNotice';
import { TextField } from '../../../ui/TextField';
import { useAction } from '../../../ui/useAction';
import { refreshAfterUserChange } from './user-queries';

/**
 * Invites someone: Cognito creates the user and mails a temporary password. The form is
 * checked with the route's own schema first, and sends once however often it is clicked.
 */
export function InviteUserForm() {
  const { t } = useTranslation();
  const admin = useAdminApi();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [groups, setGroups] = useState<GroupName[]>(['general']);
  const [invalid, setInvalid] = useState(false);
  const [invited, setInvited] = useState<string>();

  const invite = useAction(
    useCallback(
      async (body: { email: string; groups: GroupName[] }) => {
        const user = await admin.users.invite(body);
        setInvited(user.email);
        setEmail('');
        await refreshAfterUserChange(queryClient);
      },
      [admin, queryClient],
    ),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = inviteUserBody.safeParse({ email: email.trim(), groups });
    setInvalid(!parsed.success);
    setInvited(undefined);
    if (parsed.success) void invite.run(parsed.data);
  }

  const toggle = (group: GroupName, on: boolean) =>
    setGroups((current) => (on ? [...current, group] : current.filter((g) => g !== group)));

  return (
    <form onSubmit={onSubmit} aria-labelledby="invite-heading" noValidate>
      <h3 id="invite-heading">{t('users.invite.heading')}</h3>
      <TextField
        label={t('form.email')}
        name="email"
        type="email"
        autoComplete="off"
        required
        value={email}
        aria-invalid={invalid}
        onChange={(e) => setEmail(e.target.value)}
      />
      <fieldset>
        <legend>{t('users.invite.groups')}</legend>
        {GROUP_NAMES.map((group) => (
          <label key={group} className="checkbox">
            <input
              type="checkbox"
              name="groups"
              value={group}
              checked={groups.includes(group)}
              onChange={(e) => toggle(group, e.target.checked)}
            />{' '}
            {group}
          </label>
        ))}
      </fieldset>
      {invalid && (
        <p className="notice notice-error" role="alert">
          {t('users.invite.invalidEmail')}
        </p>
      )}
      <ErrorNotice error={invite.error} />
      {invited && <StatusNotice>{t('users.invite.sent', { email: invited })}</StatusNotice>}
      <button type="submit" disabled={invite.busy}>
        {invite.busy ? t('users.invite.sending') : t('users.invite.submit')}
      </button>
    </form>
  );
}
