import { useMutation } from '@tanstack/react-query';
import { updatePassword } from 'aws-amplify/auth';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Notice } from '../ui/Notice';
import { TextField } from '../ui/TextField';
import { authProblem } from './auth-problem';
import { checkNewPassword } from './check-new-password';
import { NewPasswordFields, type NewPasswordValues } from './NewPasswordFields';

const EMPTY: NewPasswordValues = { newPassword: '', confirmation: '' };

/** Change the password while signed in (Cognito's ChangePassword, with the access token). */
export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const [oldPassword, setOldPassword] = useState('');
  const [values, setValues] = useState<NewPasswordValues>(EMPTY);

  const change = useMutation({
    mutationFn: async () => {
      const newPassword = checkNewPassword(values);
      try {
        await updatePassword({ oldPassword, newPassword });
      } catch (error) {
        throw authProblem(error, 'changePassword');
      }
      setOldPassword('');
      setValues(EMPTY);
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!change.isPending) change.mutate();
  }

  return (
    <section className="panel" aria-labelledby="change-password-heading">
      <h2 id="change-password-heading">{t('changePassword.heading')}</h2>
      <form onSubmit={onSubmit}>
        <TextField
          label={t('form.currentPassword')}
          type="password"
          name="current-password"
          autoComplete="current-password"
          required
          value={oldPassword}
          onChange={(e) => setOldPassword(e.target.value)}
        />
        <NewPasswordFields values={values} onChange={setValues} />
        <ErrorNotice error={change.error} />
        {change.isSuccess && <Notice>{t('changePassword.done')}</Notice>}
        <button type="submit" disabled={change.isPending}>
          {t('changePassword.submit')}
        </button>
      </form>
    </section>
  );
}
