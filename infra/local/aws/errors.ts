/**
 * An error as an AWS JSON service answers it: HTTP status, `__type` and `message`.
 * Every failure the local stack reports to a client is one of these, never a stack trace.
 */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = code;
  }
}

export const invalidParameter = (message: string) =>
  new AwsError('InvalidParameterException', message);

export const notAuthorized = (message: string) => new AwsError('NotAuthorizedException', message);

export const resourceNotFound = (message: string) =>
  new AwsError('ResourceNotFoundException', message);
