import { confirmResetPassword, resetPassword } from 'aws-amplify/auth';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Notice } from '../ui/Notice';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/use-action';
import { EmailField } from './EmailField';
import { authProblem } from './auth-problem';
import { checkNewPassword } from './check-new-password';
import { NewPasswordFields, type NewPasswordValues } from './NewPasswordFields';
import { useSession } from './session-context';
import type { SignInLocationState } from './SignInPage';

/** Cognito's forgot-password flow: a code by e-mail, then the code with a new password. */
export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const { state } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState(((location.state ?? {}) as SignInLocationState).email ?? '');
  const [destination, setDestination] = useState<string>();
  const [code, setCode] = useState('');
  const [values, setValues] = useState<NewPasswordValues>({ newPassword: '', confirmation: '' });

  const sendCode = useAction(async (username: string) => {
    try {
      const output = await resetPassword({ username });
      setDestination(output.nextStep.codeDeliveryDetails.destination ?? username);
    } catch (error) {
      throw authProblem(error);
    }
  });

  const confirm = useAction(async (username: string, confirmationCode: string) => {
    const newPassword = checkNewPassword(values);
    try {
      await confirmResetPassword({ username, confirmationCode, newPassword });
    } catch (error) {
      throw authProblem(error);
    }
    const next: SignInLocationState = { email: username, passwordReset: true };
    void navigate('/sign-in', { state: next });
  });

  if (state.status === 'signedIn') return <Navigate to="/account/password" replace />;

  function onRequest(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void sendCode.run(email.trim());
  }

  function onConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void confirm.run(email.trim(), code.trim());
  }

  return (
    <section className="panel" aria-labelledby="forgot-heading">
      <h2 id="forgot-heading">{t('forgotPassword.heading')}</h2>
      {destination === undefined ? (
        <form onSubmit={onRequest}>
          <p>{t('forgotPassword.intro')}</p>
          <EmailField value={email} onChange={setEmail} />
          <ErrorNotice error={sendCode.error} />
          <button type="submit" disabled={sendCode.busy}>
            {t('forgotPassword.sendCode')}
          </button>
        </form>
      ) : (
        <form onSubmit={onConfirm}>
          <Notice>{t('forgotPassword.codeSent', { destination })}</Notice>
          <TextField
            label={t('form.code')}
            name="code"
            autoComplete="one-time-code"
            inputMode="numeric"
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <NewPasswordFields values={values} onChange={setValues} />
          <ErrorNotice error={confirm.error ?? sendCode.error} />
          <div className="form-actions">
            <button type="submit" disabled={confirm.busy}>
              {t('forgotPassword.submit')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={sendCode.busy}
              onClick={() => void sendCode.run(email.trim())}
            >
              {t('forgotPassword.resend')}
            </button>
          </div>
        </form>
      )}
      <p>
        <Link to="/sign-in" state={{ email: email.trim() }}>
          {t('forgotPassword.backToSignIn')}
        </Link>
      </p>
    </section>
  );
}
