import { invalidParameter } from '../aws/errors';
import type { UserRecord } from './state';

/** ListUsers' `Filter`: `attribute = "value"` (exact) or `attribute ^= "prefix"`. */
export interface UserFilter {
  attribute: string;
  operator: '=' | '^=';
  value: string;
}

/** The attributes Cognito lets ListUsers filter on. */
const FILTERABLE = new Set([
  'username',
  'email',
  'phone_number',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'cognito:user_status',
  'status',
  'sub',
]);

/**
 * Compared in any case. ListUsers' API reference marks `cognito:user_status` case-insensitive
 * and `username` and `status` case-sensitive; `email` is searched in any case (the developer
 * guide: "All searches are case-insensitive"). Every other attribute is compared exactly,
 * the stricter reading of the two documents.
 */
const CASE_INSENSITIVE = new Set(['email', 'cognito:user_status']);

/** `name`, or `"name"` as Cognito's own examples quote it, then the operator and the value. */
const FILTER_PATTERN = /^\s*(?:"([\w:]+)"|([\w:]+))\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/;

export function parseUserFilter(text: string | undefined): UserFilter | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const match = FILTER_PATTERN.exec(text);
  if (!match) throw invalidParameter('Error while parsing filter.');
  const [, quoted, bare, operator, raw = ''] = match;
  const attribute = quoted ?? bare ?? '';
  if (!FILTERABLE.has(attribute)) {
    throw invalidParameter(`Invalid search attribute: ${attribute}`);
  }
  return {
    attribute,
    operator: operator as UserFilter['operator'],
    value: raw.replace(/\\(.)/g, '$1'),
  };
}

function valueOf(user: UserRecord, attribute: string): string | undefined {
  switch (attribute) {
    case 'username':
      return user.username;
    case 'cognito:user_status':
      return user.status;
    case 'status':
      return user.enabled ? 'Enabled' : 'Disabled';
    default:
      return user.attributes[attribute];
  }
}

export function matchesFilter(user: UserRecord, filter: UserFilter): boolean {
  const actual = valueOf(user, filter.attribute);
  if (actual === undefined) return false;
  const fold = CASE_INSENSITIVE.has(filter.attribute);
  const a = fold ? actual.toLowerCase() : actual;
  const v = fold ? filter.value.toLowerCase() : filter.value;
  return filter.operator === '=' ? a === v : a.startsWith(v);
}
