import { HttpError } from '../shared/http-error';

/** The caller is no longer (or no longer enabled as) what their credentials were issued for. */
const ACCESS_REVOKED = 'AccessRevoked';

export const accessRevoked = () =>
  new HttpError(403, 'Your administrator access was removed; sign in again.', {
    code: ACCESS_REVOKED,
  });

/**
 * The target is in a group with more rights than the role the caller acts as (see the
 * contract's `outrankingGroup`): a helpdesk role does not disable or reset an administrator.
 */
export const outranksCaller = (email: string, group: string) =>
  new HttpError(
    403,
    `${email} is in the ${group} group, which has more rights than yours; ask an administrator.`,
    { code: 'OutranksCaller', group },
  );

/**
 * The caller is an administrator without an authenticator app (TOTP) turned on: every admin
 * route but `whoami` needs one. The console explains the code and sends them to set one up.
 */
export const mfaRequired = () =>
  new HttpError(403, 'Set up an authenticator app to use admin features.', {
    code: 'MfaRequired',
  });

/** What an administrator may not do to themself, by the action they tried. */
export const SELF_PROTECTION = {
  disableUser: 'You cannot disable your own account. Ask another administrator to do it.',
  deleteUser: 'You cannot delete your own account. Ask another administrator to do it.',
  removeUserFromGroup:
    'You cannot remove yourself from the admin group. Ask another administrator to do it.',
  addUserToGroup: 'You cannot add yourself to a group. Ask another administrator to do it.',
  resetUserMfa:
    'You cannot reset your own MFA. Replace your authenticator app from your profile, or ask another administrator to reset it.',
} as const;

export const selfProtection = (action: keyof typeof SELF_PROTECTION) =>
  new HttpError(403, SELF_PROTECTION[action], { code: 'SelfProtection' });

/** A group is granted only to an identity: an address its owner has verified. */
export const unverifiedEmail = (email: string) =>
  new HttpError(
    409,
    `${email} has not been verified by its owner, so no group can be granted to it. Ask them to verify it first.`,
    { code: 'UnverifiedEmail' },
  );
