import { describe, expect, it } from 'vitest';
import { AUDITED_ACTIONS } from './audit';
import { ROUTES, type RouteName } from './routes';
import { isMutatingRoute, staleAfter } from './staleness';

const names = Object.keys(ROUTES) as RouteName[];
const mutating = names.filter(isMutatingRoute);

describe('what each mutating route makes stale', () => {
  it('is declared for every mutating route, and names only reads', () => {
    expect(mutating.length).toBeGreaterThan(0);
    for (const route of mutating) {
      expect(staleAfter(route), route).not.toHaveLength(0);
      for (const read of staleAfter(route)) expect(ROUTES[read].method, read).toBe('GET');
    }
  });

  it('includes the audit log after every audited action', () => {
    for (const action of AUDITED_ACTIONS) expect(staleAfter(action)).toContain('listAudit');
  });

  it('refreshes the admin list, Home and the audit log after an announcement changes', () => {
    for (const route of ['postAnnouncement', 'deleteAnnouncement'] as const) {
      expect(staleAfter(route)).toEqual(
        expect.arrayContaining(['listAnnouncementsAdmin', 'listAnnouncements', 'listAudit']),
      );
    }
  });

  it('refreshes the Users pages, the user, group members and the audit log after any user change', () => {
    const userChanges = mutating.filter((name) =>
      ROUTES[name].path.startsWith(ROUTES.listUsers.path),
    );
    expect(userChanges).toHaveLength(8);
    for (const route of userChanges) {
      expect(staleAfter(route), route).toEqual(
        expect.arrayContaining(['listUsers', 'getUser', 'listGroupMembers', 'listAudit']),
      );
    }
  });
});
