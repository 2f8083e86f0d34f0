import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { ErrorNotice } from '../ui/ErrorNotice';
import { StatusNotice } from '../ui/StatusNotice';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/use-action';
import { EmailField } from './EmailField';
import { NewPasswordForm } from './NewPasswordForm';
import { useSession } from './session-context';
import { SignOutNotice } from './SignOutNotice';

/** Where to go after signing in: the page that sent the person here, or Home. */
export interface SignInLocationState {
  from?: string;
  email?: string;
  /** Set by the forgot-password page once the new password is in place. */
  passwordReset?: boolean;
}

/** Sign in (SRP), or Cognito's new-password step for an invited user. */
export function SignInPage() {
  const { state } = useSession();
  const { t } = useTranslation();
  const location = useLocation();
  const { from, email, passwordReset } = (location.state ?? {}) as SignInLocationState;

  switch (state.status) {
    case 'restoring':
      return <p role="status">{t('signIn.restoring')}</p>;
    case 'signedIn':
    case 'failed':
      return <Navigate to={from ?? '/'} replace />;
    case 'newPasswordRequired':
      return <NewPasswordForm />;
    case 'signedOut':
      return (
        <>
          <SignOutNotice state={state} />
          {passwordReset && <StatusNotice>{t('signIn.passwordChanged')}</StatusNotice>}
          <SignInForm initialEmail={email ?? ''} />
        </>
      );
  }
}

function SignInForm({ initialEmail }: { initialEmail: string }) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const submit = useAction(signIn);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit.run(email.trim(), password);
  }

  return (
    <section className="panel" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">{t('signIn.heading')}</h2>
      <form onSubmit={onSubmit}>
        <EmailField value={email} onChange={setEmail} />
        <TextField
          label={t('form.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <ErrorNotice error={submit.error} />
        <div className="form-actions">
          <button type="submit" disabled={submit.busy}>
            {t('signIn.submit')}
          </button>
          <Link to="/forgot-password" state={{ email: email.trim() }}>
            {t('signIn.forgot')}
          </Link>
        </div>
      </form>
    </section>
  );
}
