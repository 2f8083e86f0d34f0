import { useTranslation } from 'react-i18next';
import { PasswordField } from './PasswordField';

export interface NewPasswordValues {
  newPassword: string;
  confirmation: string;
}

/** A new password typed twice, so a typo cannot lock the person out. */
export function NewPasswordFields({
  values,
  onChange,
}: {
  values: NewPasswordValues;
  onChange(values: NewPasswordValues): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField
        label={t('form.newPassword')}
        name="new-password"
        autoComplete="new-password"
        value={values.newPassword}
        onChange={(newPassword) => onChange({ ...values, newPassword })}
      />
      <PasswordField
        label={t('form.confirmNewPassword')}
        name="confirm-new-password"
        autoComplete="new-password"
        value={values.confirmation}
        onChange={(confirmation) => onChange({ ...values, confirmation })}
      />
    </>
  );
}
