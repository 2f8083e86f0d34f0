import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';

/** A labelled password input; `autoComplete` tells password managers which password it is. */
export function PasswordField({
  label,
  name,
  autoComplete,
  value,
  onChange,
}: {
  label: string;
  name: string;
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange(value: string): void;
}) {
  return (
    <FormField label={label}>
      <Input
        type="password"
        name={name}
        autoComplete={autoComplete}
        value={value}
        onChange={({ detail }) => onChange(detail.value)}
      />
    </FormField>
  );
}
