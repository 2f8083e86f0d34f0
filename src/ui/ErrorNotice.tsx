import { useTranslation } from 'react-i18next';
import { describeError } from './describe-error';

/**
 * An error announced to screen readers as it appears, in the person's language, with the
 * likely cause and the API's request id when there is one. Renders nothing without an error.
 */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === undefined || error === null) return null;
  const { message, explanation, requestId } = describeError(error, t);
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      {explanation && <p className="notice-detail">{explanation}</p>}
      {requestId && <p className="notice-detail">{t('api.requestId', { requestId })}</p>}
    </div>
  );
}
