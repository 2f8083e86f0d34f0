import { useId, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react';

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

type TextAreaProps = { label: string } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

/** A labelled multi-line input. */
export function TextArea({ label, ...areaProps }: TextAreaProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} {...areaProps} />
    </div>
  );
}
