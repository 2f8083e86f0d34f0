import { useTranslation } from 'react-i18next';
import { PlainField } from './PlainField';

/** The sign-in e-mail, labelled and marked as the username for password managers. */
export function EmailField({ value, onChange }: { value: string; onChange(email: string): void }) {
  const { t } = useTranslation();
  return (
    <PlainField
      label={t('form.email')}
      type="email"
      name="email"
      autoComplete="username"
      inputMode="email"
      required
      value={value}
      onChange={onChange}
    />
  );
}
