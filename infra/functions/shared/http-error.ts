import type { ApiErrorBody } from '@contract';

/** An answer other than success, with the contract's error body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: Omit<ApiErrorBody, 'message'> & Record<string, unknown> = {},
  ) {
    super(message);
  }

  get body(): ApiErrorBody & Record<string, unknown> {
    return { message: this.message, ...this.details };
  }
}

export const badRequest = (message: string, field?: string) =>
  new HttpError(400, message, field ? { field } : {});
export const notFound = (message: string, code?: string) =>
  new HttpError(404, message, code ? { code } : {});
export const conflict = (message: string, details: HttpError['details'] = {}) =>
  new HttpError(409, message, details);
