// zod/mini: this schema is parsed before the sign-in screen renders, so it must stay small
// (the full zod API loads later, with the screens that use the routes' schemas).
import * as z from 'zod/mini';

const httpUrl = z.url({ protocol: /^https?$/ });
/** An absolute http(s) URL, or a path on the SPA's own origin (for the general API). */
const urlOrPath = z.union([
  httpUrl,
  z.string().check(z.regex(/^\/[^/]/, 'must start with a single /')),
]);

/**
 * `/config.json`, served next to the bundle. One build serves every environment: CDK writes
 * this file from the stack's outputs, the local stack serves its own.
 */
export const runtimeConfigSchema = z.object({
  region: z
    .string()
    .check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as ap-northeast-1')),
  userPoolId: z
    .string()
    .check(z.regex(/^[\w-]+_[0-9a-zA-Z]+$/, 'must look like ap-northeast-1_AbC123xyz')),
  userPoolClientId: z.string().check(z.regex(/^[\w+]+$/)),
  identityPoolId: z
    .string()
    .check(z.regex(/^[\w-]+:[0-9a-f-]+$/, 'must look like ap-northeast-1:uuid')),
  /** Only set against the local stack. */
  userPoolEndpoint: z.optional(httpUrl),
  /** Only set against the local stack. */
  identityPoolEndpoint: z.optional(httpUrl),
  /** Called cross-origin and signed: must be the API's own address, never CloudFront. */
  adminApiUrl: httpUrl,
  generalApiUrl: urlOrPath,
  opsApiUrl: z.optional(httpUrl),
});

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;

/** Parses config.json text, naming the first bad field in the error. */
export function parseRuntimeConfig(value: unknown): RuntimeConfig {
  const result = runtimeConfigSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join('.') || 'config';
    throw new Error(`Invalid runtime config: ${where} ${issue?.message ?? 'is invalid'}`);
  }
  return result.data;
}
