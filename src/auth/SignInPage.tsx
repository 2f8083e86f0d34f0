import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Notice } from '../ui/Notice';
import { useAction } from '../ui/use-action';
import { CenteredForm } from './CenteredForm';
import { EmailField } from './EmailField';
import { NewPasswordForm } from './NewPasswordForm';
import { PasswordField } from './PasswordField';
import { useSession } from './session-context';
import { SignOutNotice } from './SignOutNotice';

/** Where to go after signing in: the page that sent the person here, or Home. */
export interface SignInLocationState {
  from?: string;
  email?: string;
  /** Set by the forgot-password page once the new password is in place. */
  passwordReset?: boolean;
}

export const FORGOT_PASSWORD_PATH = '/forgot-password';

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
        <SpaceBetween size="m">
          <SignOutNotice state={state} />
          {passwordReset && <Notice type="success">{t('signIn.passwordChanged')}</Notice>}
          <SignInForm initialEmail={email ?? ''} />
        </SpaceBetween>
      );
  }
}

function SignInForm({ initialEmail }: { initialEmail: string }) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const submit = useAction(signIn);
  const forgot = () => {
    const next: SignInLocationState = { email: email.trim() };
    void navigate(FORGOT_PASSWORD_PATH, { state: next });
  };

  return (
    <CenteredForm
      title={t('signIn.heading')}
      submitLabel={t('signIn.submit')}
      busy={submit.busy}
      onSubmit={() => void submit.run(email.trim(), password)}
      secondaryActions={
        <Link
          href={FORGOT_PASSWORD_PATH}
          onFollow={(event) => {
            event.preventDefault();
            forgot();
          }}
        >
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
      <ErrorNotice error={submit.error} />
    </CenteredForm>
  );
}
