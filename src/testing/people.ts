import type { UserSummary } from '@contract';

/** A user as the admin API lists them: `name@example.com`, confirmed and enabled, unless changed. */
export function person(name: string, changes: Partial<UserSummary> = {}): UserSummary {
  return {
    username: `u-${name}`,
    email: `${name}@example.com`,
    emailVerified: true,
    enabled: true,
    status: 'CONFIRMED',
    mfaEnabled: false,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-02T09:00:00.000Z',
    ...changes,
  };
}
