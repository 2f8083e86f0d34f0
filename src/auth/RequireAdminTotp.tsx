import { useCallback, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { SECURITY_PATH, type SecurityLocationState } from './security-path';
import { useSession } from './session-context';
import { useMfaRequired } from './use-mfa-required';

/**
 * The admin screens for an administrator with an authenticator app. One without (known from
 * the sign-in, or from the admin API refusing with `MfaRequired`) is sent to set it up,
 * and brought back here once it is on.
 */
export function RequireAdminTotp({ children }: { children: ReactNode }) {
  const { state, noteTotp } = useSession();
  const location = useLocation();
  useMfaRequired(useCallback(() => noteTotp(false), [noteTotp]));
  if (state.status === 'signedIn' && state.adminNeedsTotp) {
    const next: SecurityLocationState = { from: location.pathname + location.search };
    return <Navigate to={SECURITY_PATH} state={next} replace />;
  }
  return children;
}
