import type { TFunction } from 'i18next';
import type { ApiError } from '../api/api-error';
import { authProblem } from '../auth/auth-problem';
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
  if (isNamed<ApiError>(error, 'ApiError')) {
    const worded =
      error.code && t(`api.codes.${error.code}`, { defaultValue: '', ...namedIn(error.body) });
    if (error.kind === 'Handler' && worded) {
      return { message: worded, requestId: error.requestId ?? undefined };
    }
    const explanation = t(`api.explanations.${error.hint}`);
    return {
      message: error.kind === 'Handler' ? error.message : explanation,
      explanation: error.kind === 'Handler' ? undefined : error.message,
      requestId: error.requestId ?? undefined,
    };
  }
  if (isNamed(error, 'ResponseShapeError')) return { message: t('api.badResponse') };
  if (error instanceof TypeError) return { message: t('api.network') };
  // The console's own problems pass through authProblem as they are.
  return { message: say(t, authProblem(error)) };
}

/**
 * What a refusal's body names that the console's sentence for its code repeats: the group of
 * an `OutranksCaller` (the API's own text is English only, so its words cannot be reused).
 */
function namedIn(body: unknown): { group?: string } {
  const group = (body as { group?: unknown } | undefined)?.group;
  return typeof group === 'string' ? { group } : {};
}

/**
 * The API's errors by name rather than `instanceof`: importing their classes would bring the
 * API client's code into the sign-in screen's download, which shows errors too.
 */
function isNamed<T extends Error = Error>(error: unknown, name: string): error is T {
  return error instanceof Error && error.name === name;
}
