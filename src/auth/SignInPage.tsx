import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { useAction } from '../ui/use-action';
import { CenteredForm } from './CenteredForm';
import { EmailField } from './EmailField';
import { NewPasswordForm } from './NewPasswordForm';
import { PasswordField } from './PasswordField';
import { PlainErrorNotice, PlainNotice } from './PlainNotice';
import { SECURITY_PATH, type SecurityLocationState } from './security-path';
import { useSession } from './session-context';
import { SignOutNotice } from './SignOutNotice';
import { TotpCodeForm } from './TotpCodeForm';
import { TotpSetupForm } from './TotpSetupForm';

/** Where to go after signing in: the page that sent the person here, or Home. */
export interface SignInLocationState {
  from?: string;
  email?: string;
  /** Set by the forgot-password page once the new password is in place. */
  passwordReset?: boolean;
}

export const FORGOT_PASSWORD_PATH = '/forgot-password';

/**
 * Sign in (SRP), then the steps Cognito asks for: a new password for an invited user, the
 * authenticator app's code, or setting the app up. An administrator without one is sent to
 * set it up first (the admin API refuses them until then).
 */
export function SignInPage() {
  const { state } = useSession();
  const { t } = useTranslation();
  const location = useLocation();
  const { from, email, passwordReset } = (location.state ?? {}) as SignInLocationState;

  switch (state.status) {
    case 'restoring':
      return <p role="status">{t('signIn.restoring')}</p>;
    case 'signedIn':
      if (state.adminNeedsTotp) {
        const next: SecurityLocationState = { from };
        return <Navigate to={SECURITY_PATH} state={next} replace />;
      }
      return <Navigate to={from ?? '/'} replace />;
    case 'failed':
      return <Navigate to={from ?? '/'} replace />;
    case 'newPasswordRequired':
      return <NewPasswordForm />;
    case 'totpCodeRequired':
      return <TotpCodeForm />;
    case 'totpSetupRequired':
      return <TotpSetupForm setup={state.setup} />;
    case 'signedOut':
      return (
        <>
          <SignOutNotice state={state} />
          {passwordReset && <PlainNotice type="success">{t('signIn.passwordChanged')}</PlainNotice>}
          <SignInForm initialEmail={email ?? state.email ?? ''} />
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
  const forgotState: SignInLocationState = { email: email.trim() };

  return (
    <CenteredForm
      title={t('signIn.heading')}
      submitLabel={t('signIn.submit')}
      busy={submit.busy}
      onSubmit={() => void submit.run(email.trim(), password)}
      secondaryActions={
        <Link to={FORGOT_PASSWORD_PATH} state={forgotState} className="plain-link">
          {t('signIn.forgot')}
        </Link>
      }
    >
      <EmailField value={email} onChange={setEmail} />
      <PasswordField
        label={t('form.password')}
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
      />
      <PlainErrorNotice error={submit.error} />
    </CenteredForm>
  );
}
