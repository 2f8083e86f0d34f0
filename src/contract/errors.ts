import { z } from 'zod';

/**
 * The body of every error a handler answers. API Gateway's own errors carry only `message`
 * (or `Message` for IAM denials) and name their type in `x-amzn-ErrorType`.
 */
export const apiErrorBody = z.object({
  message: z.string(),
  /** The request field a 400 is about, e.g. `body.email` or `query.limit`. */
  field: z.string().optional(),
  /** A stable machine-readable reason, e.g. `SelfProtection` or `UserNotFoundException`. */
  code: z.string().optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorBody>;
