import { Problem } from '../i18n/problem';
import type { NewPasswordValues } from './NewPasswordFields';

/**
 * The checks a form can make before sending: both fields agree. Cognito's password policy
 * is checked by Cognito, whose refusal names the rule broken.
 */
export function checkNewPassword({ newPassword, confirmation }: NewPasswordValues): string {
  if (newPassword !== confirmation) throw new Problem('form.passwordsDiffer');
  return newPassword;
}
