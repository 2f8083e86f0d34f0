import type { IncomingHttpHeaders } from 'node:http';
import type { z } from 'zod';
import { AwsError, invalidParameter } from './errors';

export interface OperationContext {
  headers: IncomingHttpHeaders;
  sourceIp: string;
  /** The operation's name, as `X-Amz-Target` gave it (`AdminGetUser`). */
  operation: string;
  /**
   * IAM authentication: the request's SigV4 signature verified against credentials the local
   * stack issued (AWS's refusal thrown otherwise). Cheap to call twice: the answer is kept.
   */
  authenticate(): Promise<void>;
  /**
   * IAM authorisation, after `authenticate`: the caller's identity policy must allow `action`
   * (`cognito-idp:AdminGetUser`) on `resource` (an ARN), else AWS's AccessDeniedException.
   */
  authorize(action: string, resource: string, shownAs?: string): Promise<void>;
}

export type Operation = (input: unknown, context: OperationContext) => Promise<unknown> | unknown;

/** One AWS JSON 1.1 service: its `X-Amz-Target` prefix and its operations by name. */
export interface JsonService {
  targetPrefix: string;
  operations: Record<string, Operation>;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * Validates an operation's input against its schema and reports the first problem in the
 * words AWS's request validation uses, e.g.
 * `1 validation error detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null`.
 */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map((p) => (typeof p === 'string' ? lowerFirst(p) : String(p))).join('.');
  const value = issue.path.reduce<unknown>(
    (v, key) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined),
    input,
  );
  const missing = value === undefined || value === null;
  const constraint = missing ? 'Member must not be null' : issue.message;
  const shown = missing ? 'null' : `'${typeof value === 'string' ? value : JSON.stringify(value)}'`;
  throw invalidParameter(
    `1 validation error detected: Value ${shown} at '${path}' failed to satisfy constraint: ${constraint}`,
  );
}

/** Finds the operation an `X-Amz-Target` names, with AWS's errors when none does. */
export function resolveOperation(
  services: readonly JsonService[],
  target: string | undefined,
): { name: string; service: JsonService; run: Operation } {
  if (!target) {
    throw new AwsError('UnknownOperationException', 'Missing X-Amz-Target header');
  }
  const dot = target.lastIndexOf('.');
  const service = services.find((s) => s.targetPrefix === target.slice(0, dot));
  const operation =
    service && Object.hasOwn(service.operations, target.slice(dot + 1))
      ? service.operations[target.slice(dot + 1)]
      : undefined;
  if (!operation) throw new AwsError('UnknownOperationException', `Unknown operation ${target}`);
  return { name: target.slice(dot + 1), service: service!, run: operation };
}
