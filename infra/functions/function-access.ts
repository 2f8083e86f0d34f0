import { ACTOR_LOOKUP_ACCESS } from './admin/caller';
import { CURRENT_ACCESS_CHECK } from './admin/current-access';
import { USER_MUTATIONS_ACCESS } from './admin/users';
import { OPS_TOKEN_ACCESS } from './ops-authorizer';
import { API_CORS, type ApiName } from '@contract';
import { tablesOf, usesResource, type Access } from './shared/access';
import { ANNOUNCEMENT_STORE_ACCESS } from './shared/announcement-store';
import { AUDIT_LOG_ACCESS } from './shared/audit-log';
import { PROFILE_STORE_ACCESS } from './shared/profile-store';
import { TABLES, type TableName } from './shared/tables';
import { USER_DIRECTORY_ACCESS } from './shared/user-directory';

export const FUNCTION_NAMES = ['admin', 'general', 'ops', 'ops-authorizer'] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

/**
 * What each Lambda function's code reaches, as the stores it uses declare it: the one source
 * of the function's IAM policy in the CDK app and in the local stack, which refuses anything
 * else. A route test drives every route under these policies, so a store command missing here
 * fails it, and an action granted here that no route uses fails it too.
 */
export const FUNCTION_ACCESS: Readonly<Record<FunctionName, readonly Access[]>> = {
  admin: [
    AUDIT_LOG_ACCESS.record,
    AUDIT_LOG_ACCESS.read,
    ANNOUNCEMENT_STORE_ACCESS.post,
    ANNOUNCEMENT_STORE_ACCESS.list,
    ANNOUNCEMENT_STORE_ACCESS.delete,
    USER_DIRECTORY_ACCESS.listUsers,
    USER_DIRECTORY_ACCESS.getUser,
    USER_DIRECTORY_ACCESS.listAllGroups,
    USER_DIRECTORY_ACCESS.listGroupMembers,
    USER_DIRECTORY_ACCESS.countGroupMembers,
    ACTOR_LOOKUP_ACCESS,
    ...CURRENT_ACCESS_CHECK,
    USER_MUTATIONS_ACCESS,
  ],
  general: [ANNOUNCEMENT_STORE_ACCESS.list, PROFILE_STORE_ACCESS.read, PROFILE_STORE_ACCESS.save],
  ops: [
    AUDIT_LOG_ACCESS.read,
    USER_DIRECTORY_ACCESS.countUsers,
    USER_DIRECTORY_ACCESS.countGroupMembers,
  ],
  'ops-authorizer': [OPS_TOKEN_ACCESS],
};

/** The API each function answers for, if any (the ops authorizer answers API Gateway only). */
const FUNCTION_API: Readonly<Record<FunctionName, ApiName | undefined>> = {
  admin: 'admin',
  general: 'general',
  ops: 'ops',
  'ops-authorizer': undefined,
};

/**
 * Whether a function must be told the site's origin (`ALLOWED_ORIGINS`): only when its API
 * answers browsers cross-origin, so its proxy answers carry the CORS headers.
 */
export function needsSiteOrigin(name: FunctionName): boolean {
  const api = FUNCTION_API[name];
  return api !== undefined && API_CORS[api] !== undefined;
}

/** Where a function's resources are, as its environment names them (values or CDK tokens). */
export interface FunctionResources {
  tableName(table: TableName): string;
  userPoolId: string;
  /** The ops token secret's ARN. */
  opsTokenSecretId: string;
  /** The site's origins, comma-separated. */
  allowedOrigins: string;
}

/**
 * A function's variables for what it reaches: exactly the tables, pool and secret its policy
 * names, and the site's origin when its API answers browsers. The CDK app and the local stack
 * both set these, so the handlers find their resources the same way in both.
 */
export function functionEnvironment(
  name: FunctionName,
  resources: FunctionResources,
): Record<string, string> {
  const access = FUNCTION_ACCESS[name];
  return {
    ...Object.fromEntries(
      tablesOf(access).map((table) => [TABLES[table].env, resources.tableName(table)]),
    ),
    ...(usesResource(access, 'userPool') ? { USER_POOL_ID: resources.userPoolId } : {}),
    ...(usesResource(access, 'opsTokenSecret')
      ? { OPS_TOKEN_SECRET_ID: resources.opsTokenSecretId }
      : {}),
    ...(needsSiteOrigin(name) ? { ALLOWED_ORIGINS: resources.allowedOrigins } : {}),
  };
}
