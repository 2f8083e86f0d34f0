import type { AuditEntry } from '@contract';

/**
 * How an entry ended, as the log shows it. A `failure` the console's own rules decided (the
 * caller's access or missing authenticator app, self-protection, a target who outranks the
 * caller's role, an unverified address) was refused; any other failure is the service
 * answering that it could not be done.
 */
export type ShownOutcome = 'success' | 'refused' | 'failed' | 'pending';

/** The admin API's own refusal codes (`infra/functions/admin/refusals.ts`, `recordRefusal`). */
const REFUSAL_CODES: ReadonlySet<string> = new Set([
  'AccessRevoked',
  'MfaRequired',
  'SelfProtection',
  'OutranksCaller',
  'UnverifiedEmail',
  'Refused',
]);

export function shownOutcome(entry: Pick<AuditEntry, 'outcome' | 'error'>): ShownOutcome {
  if (entry.outcome !== 'failure') return entry.outcome;
  return entry.error !== undefined && REFUSAL_CODES.has(entry.error) ? 'refused' : 'failed';
}

export const STATUS_TYPE = {
  success: 'success',
  refused: 'warning',
  failed: 'error',
  pending: 'pending',
} as const satisfies Record<ShownOutcome, string>;
