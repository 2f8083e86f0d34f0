import { useTranslation } from 'react-i18next';
import { describeError } from './describe-error';
import { Notice } from './Notice';

/**
 * An error announced to screen readers as it appears, in the person's language, with the
 * likely cause and the API's request id when there is one. Renders nothing without an error.
 */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === undefined || error === null) return null;
  const { message, explanation, requestId } = describeError(error, t);
  return (
    <Notice type="error" header={explanation || requestId ? message : undefined}>
      {explanation || requestId ? (
        <>
          {explanation && <div>{explanation}</div>}
          {requestId && <div>{t('api.requestId', { requestId })}</div>}
        </>
      ) : (
        message
      )}
    </Notice>
  );
}
