/** Where a signed-in person manages their authenticator app (the route table and redirects read it). */
export const SECURITY_PATH = '/profile/security';

/** Why someone was sent to the Security screen, and where to go once the app is set up. */
export interface SecurityLocationState {
  from?: string;
}
