import { useTranslation } from 'react-i18next';
import { TextField } from '../ui/TextField';

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
      <TextField
        label={t('form.newPassword')}
        type="password"
        name="new-password"
        autoComplete="new-password"
        required
        value={values.newPassword}
        onChange={(e) => onChange({ ...values, newPassword: e.target.value })}
      />
      <TextField
        label={t('form.confirmNewPassword')}
        type="password"
        name="confirm-new-password"
        autoComplete="new-password"
        required
        value={values.confirmation}
        onChange={(e) => onChange({ ...values, confirmation: e.target.value })}
      />
    </>
  );
}
