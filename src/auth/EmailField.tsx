import { useTranslation } from 'react-i18next';
import { TextField } from '../ui/TextField';

/** The sign-in e-mail, labelled and marked as the username for password managers. */
export function EmailField({ value, onChange }: { value: string; onChange(email: string): void }) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('form.email')}
      type="email"
      name="email"
      autoComplete="username"
      required
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
