import { useTranslation } from 'react-i18next';

/** A date and time in the reader's language, machine-readable in `dateTime`. */
export function DateTime({ value }: { value: string | Date }) {
  const { i18n } = useTranslation();
  const date = typeof value === 'string' ? new Date(value) : value;
  return (
    <time dateTime={date.toISOString()}>
      {date.toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })}
    </time>
  );
}
