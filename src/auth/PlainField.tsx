import { useId, type InputHTMLAttributes, type Ref } from 'react';

/**
 * A labelled input before sign-in, drawn like Cloudscape's `FormField` + `Input` (see
 * CenteredForm for why it is not Cloudscape itself). The label names the input.
 */
export function PlainField({
  label,
  value,
  onChange,
  ref,
  ...inputProps
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  ref?: Ref<HTMLInputElement>;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>) {
  const id = useId();
  return (
    <div className="plain-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={ref}
        {...inputProps}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
