import { confirmResetPassword, resetPassword } from 'aws-amplify/auth';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useAction } from '../ui/use-action';
import { authProblem } from './auth-problem';
import { CenteredForm } from './CenteredForm';
import { CHANGE_PASSWORD_PATH } from './change-password-path';
import { checkNewPassword } from './check-new-password';
import { EmailField } from './EmailField';
import { NewPasswordFields, type NewPasswordValues } from './NewPasswordFields';
import { PlainField } from './PlainField';
import { PlainErrorNotice, PlainNotice } from './PlainNotice';
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

  // Someone signed in changes their password knowing the current one.
  if (state.status === 'signedIn') return <Navigate to={CHANGE_PASSWORD_PATH} replace />;

  const backToSignIn = (
    <Link to="/sign-in" state={{ email: email.trim() }} className="plain-link">
      {t('forgotPassword.backToSignIn')}
    </Link>
  );

  if (destination === undefined) {
    return (
      <CenteredForm
        title={t('forgotPassword.heading')}
        intro={t('forgotPassword.intro')}
        submitLabel={t('forgotPassword.sendCode')}
        busy={sendCode.busy}
        onSubmit={() => void sendCode.run(email.trim())}
        footer={backToSignIn}
      >
        <EmailField value={email} onChange={setEmail} />
        <PlainErrorNotice error={sendCode.error} />
      </CenteredForm>
    );
  }

  return (
    <CenteredForm
      title={t('forgotPassword.heading')}
      submitLabel={t('forgotPassword.submit')}
      busy={confirm.busy}
      onSubmit={() => void confirm.run(email.trim(), code.trim())}
      secondaryActions={
        <button
          type="button"
          className="plain-secondary"
          disabled={sendCode.busy}
          onClick={() => void sendCode.run(email.trim())}
        >
          {t('forgotPassword.resend')}
        </button>
      }
      footer={backToSignIn}
    >
      <PlainNotice type="info">{t('forgotPassword.codeSent', { destination })}</PlainNotice>
      <PlainField
        label={t('form.code')}
        name="code"
        autoComplete="one-time-code"
        inputMode="numeric"
        required
        value={code}
        onChange={setCode}
      />
      <NewPasswordFields values={values} onChange={setValues} />
      <PlainErrorNotice error={confirm.error ?? sendCode.error} />
    </CenteredForm>
  );
}
