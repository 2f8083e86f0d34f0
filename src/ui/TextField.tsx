import { useId, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react';

type TextFieldProps = {
  label: string;
  /** What is wrong with the value: shown under it, announced, and tied to it as its description. */
  error?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

/** A labelled input: the label names the input for assistive tech and for tests. */
export function TextField({ label, error, ...inputProps }: TextFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const describedBy = [inputProps['aria-describedby'], error && errorId].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        {...inputProps}
        aria-invalid={error ? true : inputProps['aria-invalid']}
        aria-describedby={describedBy || undefined}
      />
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
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
