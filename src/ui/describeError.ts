import type { TFunction } from 'i18next';
import { ApiError } from '../api/api-error';
import { ResponseShapeError } from '../api/route-caller';
import { authProblem } from '../auth/authProblem';
import { say } from '../i18n/problem';

export interface ErrorDescription {
  /** What happened, in the person's language. */
  message: string;
  /** What probably caused it and what to do. */
  explanation?: string;
  /** The API's request id, for the logs. */
  requestId?: string;
}

/**
 * Any error a screen can meet, as sentences: the console's own problems, API errors (the
 * API's words plus the likely cause and fix), network failures and Amplify's errors.
 */
export function describeError(error: unknown, t: TFunction): ErrorDescription {
  if (error instanceof ApiError) {
    const explanation = t(`api.explanations.${error.hint}`);
    return {
      message: error.kind === 'Handler' ? error.message : explanation,
      explanation: error.kind === 'Handler' ? undefined : error.message,
      requestId: error.requestId ?? undefined,
    };
  }
  if (error instanceof ResponseShapeError) return { message: t('api.badResponse') };
  if (error instanceof TypeError) return { message: t('api.network') };
  // The console's own problems pass through authProblem as they are.
  return { message: say(t, authProblem(error)) };
}
