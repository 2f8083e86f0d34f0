import { useId, type InputHTMLAttributes } from 'react';

type TextFieldProps = { label: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

/** A labelled input: the label names the input for assistive tech and for tests. */
export function TextField({ label, ...inputProps }: TextFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...inputProps} />
    </div>
  );
}
