import { useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RuntimeConfigContext } from '../config/runtime-config-context';
import { describeError } from '../ui/describe-error';
import { Problem } from '../i18n/problem';

/**
 * A message before sign-in, drawn like Cloudscape's `Alert` (see CenteredForm for why it is
 * not Cloudscape itself) and announced as it appears: an error interrupts, the rest waits.
 */
export function PlainNotice({
  type,
  children,
}: {
  type: 'error' | 'success' | 'info';
  children: ReactNode;
}) {
  if (!children) return null;
  return (
    <div
      className={`plain-notice plain-notice-${type}`}
      role={type === 'error' ? 'alert' : 'status'}
    >
      {children}
    </div>
  );
}

/**
 * An error before sign-in, in the person's language; nothing without an error. Only a
 * console pointed at the local stack (it names its own user-pool endpoint) adds the hint to
 * check `npm start`: a user of a deployed console has no such command.
 */
export function PlainErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const config = useContext(RuntimeConfigContext);
  if (error === undefined || error === null) return null;
  const described = describeError(error, t);
  const { message, requestId } = described;
  const unreachable = error instanceof Problem && error.key === 'authErrors.network';
  const explanation =
    described.explanation ??
    (unreachable && config?.userPoolEndpoint ? t('authErrors.localStackHint') : undefined);
  return (
    <PlainNotice type="error">
      <p>{message}</p>
      {explanation && <p className="plain-detail">{explanation}</p>}
      {requestId && <p className="plain-detail">{t('api.requestId', { requestId })}</p>}
    </PlainNotice>
  );
}
