import { useTranslation } from 'react-i18next';
import { Problem, say } from '../i18n/problem';
import { PlainErrorNotice, PlainNotice } from './PlainNotice';
import { roleName } from './roles/role-name';
import type { SessionState } from './session-context';

/**
 * Why the person is signed out, when it is news to them: they signed out, or were (their
 * new authenticator app ended every session).
 */
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
        <PlainNotice type="success">{t('signIn.signedOut')}</PlainNotice>
      )}
      {state.notice === 'totpTurnedOn' && !revocation && (
        <PlainNotice type="success">{t('signIn.totpTurnedOn')}</PlainNotice>
      )}
      {state.notice === 'signInToSwitchRole' && state.switchingTo && (
        <PlainNotice type="info">
          {t('signIn.switchRole', { role: roleName(state.switchingTo) })}
        </PlainNotice>
      )}
      {revocation && (
        <PlainErrorNotice error={new Problem('signOut.partial', { reason: say(t, revocation) })} />
      )}
      <PlainErrorNotice error={state.problem} />
    </>
  );
}
