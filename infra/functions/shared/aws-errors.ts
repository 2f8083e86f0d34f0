import { HttpError } from './http-error';

/**
 * The AWS service errors a handler can answer for its caller, with the status that means the
 * same thing on this API. Anything else (throttling aside) is a fault and is thrown on.
 */
const STATUS_BY_AWS_ERROR = new Map<string, number>(
  Object.entries({
    UserNotFoundException: 404,
    ResourceNotFoundException: 404,
    UsernameExistsException: 409,
    // Cognito's admin operations answer this when the user's state forbids the change.
    NotAuthorizedException: 409,
    AliasExistsException: 409,
    InvalidParameterException: 400,
    InvalidPasswordException: 400,
    TooManyRequestsException: 429,
    LimitExceededException: 429,
    ThrottlingException: 429,
    ProvisionedThroughputExceededException: 429,
  }),
);

const MESSAGE_BY_AWS_ERROR = new Map<string, string>(
  Object.entries({
    UserNotFoundException: 'No such user.',
    UsernameExistsException: 'A user with this e-mail address already exists.',
  }),
);

export function awsErrorName(error: unknown): string | undefined {
  return error instanceof Error && typeof (error as { name?: unknown }).name === 'string'
    ? error.name
    : undefined;
}

export function awsErrorToHttp(error: unknown): HttpError | undefined {
  const name = awsErrorName(error);
  const status = name ? STATUS_BY_AWS_ERROR.get(name) : undefined;
  if (!name || !status) return undefined;
  const message = MESSAGE_BY_AWS_ERROR.get(name) ?? (error as Error).message;
  return new HttpError(status, message, { code: name });
}
