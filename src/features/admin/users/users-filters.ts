import type {
  GroupName,
  ListUsersQuery,
  UserFilterAttribute,
  UserFilterMatch,
  UserStatusFilter,
} from '@contract';

/** i18next reads `:` as a namespace separator: each attribute's label key has none. */
const ATTRIBUTE_KEYS = {
  email: 'email',
  name: 'name',
  given_name: 'givenName',
  family_name: 'familyName',
  preferred_username: 'preferredUsername',
  username: 'username',
  phone_number: 'phoneNumber',
  sub: 'sub',
  'cognito:user_status': 'userStatus',
} as const satisfies Record<UserFilterAttribute, string>;

/** The i18n key of an attribute's name, as the filter bar and the export show it. */
export const attributeLabelKey = (attribute: UserFilterAttribute) =>
  `users.filterBar.attributes.${ATTRIBUTE_KEYS[attribute]}` as const;

/** Users a page: Cognito's ListUsers pages by cursor, up to 60 at a time. */
export const USERS_PAGE_SIZE = 20;

/**
 * What the list is narrowed to, applied by the API: one attribute (Cognito's `Filter`), the
 * status and the group. The attribute and how it matches stay chosen when the value is empty;
 * only a value makes them a filter.
 */
export interface UsersFilters {
  attribute: UserFilterAttribute;
  match: UserFilterMatch;
  value: string;
  status: UserStatusFilter | undefined;
  group: GroupName | undefined;
}

export const NO_FILTERS: UsersFilters = {
  attribute: 'email',
  match: 'prefix',
  value: '',
  status: undefined,
  group: undefined,
};

export const isFiltered = (filters: UsersFilters) =>
  filters.value !== '' || filters.status !== undefined || filters.group !== undefined;

/** The `listUsers` query for a page of the filtered list. */
export function usersQuery(filters: UsersFilters, cursor: string | undefined): ListUsersQuery {
  return {
    limit: USERS_PAGE_SIZE,
    ...(filters.value
      ? { attribute: filters.attribute, match: filters.match, value: filters.value }
      : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.group ? { group: filters.group } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

/** Whether two filters ask the API for the same users (an attribute without a value asks none). */
export const sameFilters = (a: UsersFilters, b: UsersFilters) =>
  JSON.stringify(usersQuery(a, undefined)) === JSON.stringify(usersQuery(b, undefined));
