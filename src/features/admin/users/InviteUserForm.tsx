import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteMutation } from '../../../api/route-mutations';
import { GROUP_NAMES, GROUPS, inviteUserBody, type GroupName } from '@contract';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { Notice } from '../../../ui/Notice';
import { TextField } from '../../../ui/TextField';

/**
 * Invites someone: Cognito creates the user and mails a temporary password. The form is
 * checked with the route's own schema first, and sends once however often it is clicked.
 */
export function InviteUserForm() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  // Everyone's group: the least a new user can be given.
  const [groups, setGroups] = useState<GroupName[]>([GROUPS.general.name]);
  const [invalid, setInvalid] = useState(false);
  const invite = useRouteMutation('inviteUser', { onSuccess: () => setEmail('') });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = inviteUserBody.safeParse({ email: email.trim(), groups });
    setInvalid(!parsed.success);
    if (!parsed.success) invite.reset();
    else if (!invite.isPending) invite.mutate({ body: parsed.data });
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
      {invite.isSuccess && (
        <Notice>{t('users.invite.sent', { email: invite.data.email })}</Notice>
      )}
      <button type="submit" disabled={invite.isPending}>
        {invite.isPending ? t('users.invite.sending') : t('users.invite.submit')}
      </button>
    </form>
  );
}
