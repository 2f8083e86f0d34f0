import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../ui/TextField';

/**
 * Deleting a user cannot be undone, so it asks for their e-mail typed out, as AWS's own
 * console asks for a resource's name.
 */
export function DeleteUserForm({
  email,
  busy,
  onDelete,
}: {
  email: string;
  busy: boolean;
  onDelete(): void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const confirmed = typed.trim().toLowerCase() === email.toLowerCase();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirmed && !busy) onDelete();
  }
  return (
    <form onSubmit={onSubmit} aria-labelledby="delete-heading" className="danger-zone">
      <h4 id="delete-heading">{t('users.delete.heading')}</h4>
      <p>{t('users.delete.warning', { email })}</p>
      <TextField
        label={t('users.delete.typeEmail', { email })}
        name="confirm-email"
        autoComplete="off"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
      />
      <button type="submit" className="danger" disabled={!confirmed || busy}>
        {t('users.delete.submit')}
      </button>
    </form>
  );
}
