import { PlainField } from './PlainField';

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
    <PlainField
      label={label}
      type="password"
      name={name}
      autoComplete={autoComplete}
      required
      value={value}
      onChange={onChange}
    />
  );
}
