import type { GroupName } from '../contract';
import type { RouteCaller, RouteInput } from './route-caller';

/** A route's query and body as a caller writes them (before the schema's defaults). */
type QueryOf<K extends 'listUsers' | 'listAudit' | 'listGroupMembers'> =
  RouteInput<K> extends { query?: infer Q } ? NonNullable<Q> : never;
type BodyOf<K extends 'inviteUser' | 'postAnnouncement' | 'updateMyProfile'> =
  RouteInput<K> extends { body: infer B } ? B : never;

/** The admin API as screens use it: `admin.users.list({ status: 'disabled' })`. */
export function createAdminClient(call: RouteCaller<'admin'>) {
  const user = (username: string) => ({ params: { username } });
  const membership = (username: string, group: GroupName) => ({ params: { username, group } });
  return {
    whoami: () => call('whoami', {}),
    users: {
      list: (query: QueryOf<'listUsers'> = {}) => call('listUsers', { query }),
      get: (username: string) => call('getUser', user(username)),
      invite: (body: BodyOf<'inviteUser'>) => call('inviteUser', { body }),
      remove: (username: string) => call('deleteUser', user(username)),
      disable: (username: string) => call('disableUser', user(username)),
      enable: (username: string) => call('enableUser', user(username)),
      resetPassword: (username: string) => call('resetUserPassword', user(username)),
      addToGroup: (username: string, group: GroupName) =>
        call('addUserToGroup', membership(username, group)),
      removeFromGroup: (username: string, group: GroupName) =>
        call('removeUserFromGroup', membership(username, group)),
    },
    groups: {
      list: () => call('listGroups', {}),
      members: (group: GroupName, query: QueryOf<'listGroupMembers'> = {}) =>
        call('listGroupMembers', { params: { group }, query }),
    },
    audit: { list: (query: QueryOf<'listAudit'> = {}) => call('listAudit', { query }) },
    announcements: {
      list: () => call('listAnnouncementsAdmin', {}),
      post: (body: BodyOf<'postAnnouncement'>) => call('postAnnouncement', { body }),
      remove: (id: string) => call('deleteAnnouncement', { params: { id } }),
    },
  };
}
export type AdminClient = ReturnType<typeof createAdminClient>;

/** The general API as screens use it, on the signed-in user's ID token. */
export function createGeneralClient(call: RouteCaller<'general'>) {
  return {
    me: {
      get: () => call('getMyProfile', {}),
      update: (body: BodyOf<'updateMyProfile'>) => call('updateMyProfile', { body }),
    },
    announcements: { list: () => call('listAnnouncements', {}) },
  };
}
export type GeneralClient = ReturnType<typeof createGeneralClient>;

/**
 * The general API's base for its `/api/...` route paths. `generalApiUrl` is where `/api` is
 * served: `/api` on the SPA's own origin (CloudFront or the dev server pass it on to the
 * API's stage), or an absolute `…/api` URL.
 */
export function generalApiBase(generalApiUrl: string, origin: string): string {
  const url = new URL(generalApiUrl, origin);
  return url.href.replace(/\/+$/, '').replace(/\/api$/, '');
}
