import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../ui/use-action';
import { CenteredForm } from './CenteredForm';
import { checkNewPassword } from './check-new-password';
import { PlainErrorNotice } from './PlainNotice';
import { NewPasswordFields, type NewPasswordValues } from './NewPasswordFields';
import { useSession } from './session-context';

/** Cognito's NEW_PASSWORD_REQUIRED challenge: the first sign-in with a temporary password. */
export function NewPasswordForm() {
  const { t } = useTranslation();
  const { confirmNewPassword } = useSession();
  const [values, setValues] = useState<NewPasswordValues>({ newPassword: '', confirmation: '' });
  const submit = useAction(async (v: NewPasswordValues) => confirmNewPassword(checkNewPassword(v)));

  return (
    <CenteredForm
      title={t('newPassword.heading')}
      intro={t('newPassword.intro')}
      submitLabel={t('newPassword.submit')}
      busy={submit.busy}
      onSubmit={() => void submit.run(values)}
    >
      <NewPasswordFields values={values} onChange={setValues} />
      <PlainErrorNotice error={submit.error} />
    </CenteredForm>
  );
}
