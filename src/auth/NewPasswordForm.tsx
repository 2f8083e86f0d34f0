import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useAction } from '../ui/use-action';
import { checkNewPassword } from './check-new-password';
import { NewPasswordFields, type NewPasswordValues } from './NewPasswordFields';
import { useSession } from './session-context';

/** Cognito's NEW_PASSWORD_REQUIRED challenge: the first sign-in with a temporary password. */
export function NewPasswordForm() {
  const { t } = useTranslation();
  const { confirmNewPassword } = useSession();
  const [values, setValues] = useState<NewPasswordValues>({ newPassword: '', confirmation: '' });
  const submit = useAction(async (v: NewPasswordValues) => confirmNewPassword(checkNewPassword(v)));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit.run(values);
  }

  return (
    <section className="panel" aria-labelledby="new-password-heading">
      <h2 id="new-password-heading">{t('newPassword.heading')}</h2>
      <p>{t('newPassword.intro')}</p>
      <form onSubmit={onSubmit}>
        <NewPasswordFields values={values} onChange={setValues} />
        <ErrorNotice error={submit.error} />
        <button type="submit" disabled={submit.busy}>
          {t('newPassword.submit')}
        </button>
      </form>
    </section>
  );
}
