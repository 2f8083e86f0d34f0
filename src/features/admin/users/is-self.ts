import type { SessionDetails } from '../../../auth/summarize-session';

/**
 * Whether `user` is the person signed in. E-mail is the pool's sign-in name and unique, so
 * it identifies them; the API refuses self-lockout anyway, this lets the screen say so first.
 */
export function isSelf(details: SessionDetails, user: { email: string }): boolean {
  return details.email.toLowerCase() === user.email.toLowerCase();
}
