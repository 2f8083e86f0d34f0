import type { ListUsersQuery, UserStatusFilter } from '@contract';

/** Users a page: Cognito's ListUsers pages by cursor, up to 60 at a time. */
export const USERS_PAGE_SIZE = 20;

/** What the list is narrowed to, applied by the API (Cognito's `email ^= "…"` and status). */
export interface UsersFilters {
  emailPrefix: string;
  status: UserStatusFilter | undefined;
}

export const NO_FILTERS: UsersFilters = { emailPrefix: '', status: undefined };

export const isFiltered = (filters: UsersFilters) =>
  filters.emailPrefix !== '' || filters.status !== undefined;

/** The `listUsers` query for a page of the filtered list. */
export function usersQuery(filters: UsersFilters, cursor: string | undefined): ListUsersQuery {
  return {
    limit: USERS_PAGE_SIZE,
    ...(filters.emailPrefix ? { email: filters.emailPrefix } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(cursor ? { cursor } : {}),
  };
}
