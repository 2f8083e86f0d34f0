import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A destructive action that asks first: the button opens a question with the action and
 * "Cancel", both reachable by keyboard and named for screen readers.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  busy,
  onConfirm,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  busy?: boolean;
  onConfirm(): void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="danger" onClick={() => setAsking(true)} disabled={busy}>
        {label}
      </button>
    );
  }
  return (
    <div role="group" aria-label={question} className="confirm">
      <p>{question}</p>
      <button
        type="button"
        className="danger"
        autoFocus
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="secondary" onClick={() => setAsking(false)}>
        {t('app.cancel')}
      </button>
    </div>
  );
}
