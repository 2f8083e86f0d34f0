import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import { useTranslation } from 'react-i18next';

/** The sign-in e-mail, labelled and marked as the username for password managers. */
export function EmailField({ value, onChange }: { value: string; onChange(email: string): void }) {
  const { t } = useTranslation();
  return (
    <FormField label={t('form.email')}>
      <Input
        type="email"
        name="email"
        autoComplete="username"
        inputMode="email"
        value={value}
        onChange={({ detail }) => onChange(detail.value)}
      />
    </FormField>
  );
}
