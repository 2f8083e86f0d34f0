import { ApiError } from '../../api/api-error';

/**
 * The admin API turning this role away (IAM's AccessDenied, API Gateway's Forbidden): for
 * someone outside the admin group that is the expected answer, not a fault to retry.
 */
export function isRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.kind === 'AccessDenied' || error.kind === 'Forbidden');
}
