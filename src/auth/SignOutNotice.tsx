import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Notice } from '../ui/Notice';
import { Problem, say } from '../i18n/problem';
import type { SessionState } from './session-context';

/** Why the person is signed out, when it is news to them: they signed out, or were. */
export function SignOutNotice({
  state,
}: {
  state: Extract<SessionState, { status: 'signedOut' }>;
}) {
  const { t } = useTranslation();
  const revocation = state.revocationFailed;
  return (
    <>
      {state.notice === 'signedOut' && !revocation && (
        <Notice type="success">{t('signIn.signedOut')}</Notice>
      )}
      {revocation && (
        <ErrorNotice error={new Problem('signOut.partial', { reason: say(t, revocation) })} />
      )}
      <ErrorNotice error={state.problem} />
    </>
  );
}
