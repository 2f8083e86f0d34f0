import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TextField } from '../ui/TextField';

interface NewPasswordFormProps {
  busy: boolean;
  error: string | undefined;
  onSetNewPassword(newPassword: string): void;
}

/** Cognito's NEW_PASSWORD_REQUIRED challenge: the first sign-in with a temporary password. */
export function NewPasswordForm({ busy, error, onSetNewPassword }: NewPasswordFormProps) {
  const [newPassword, setNewPassword] = useState('');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSetNewPassword(newPassword);
  }

  return (
    <section className="panel" aria-labelledby="new-password-heading">
      <h2 id="new-password-heading">Choose a new password</h2>
      <p>Your password was set by an administrator. Choose your own to finish signing in.</p>
      <form onSubmit={submit}>
        <TextField
          label="New password"
          type="password"
          name="new-password"
          autoComplete="new-password"
          required
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
        />
        <ErrorNotice message={error} />
        <button type="submit" disabled={busy}>
          Set new password
        </button>
      </form>
    </section>
  );
}
