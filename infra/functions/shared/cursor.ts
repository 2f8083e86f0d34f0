import { badRequest } from './http-error';

/** DynamoDB's `LastEvaluatedKey` as an opaque URL-safe cursor, and back. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;
}

export function decodeCursor(
  cursor: string | undefined,
  keyNames: readonly string[],
): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      key &&
      typeof key === 'object' &&
      keyNames.every((name) => typeof (key as Record<string, unknown>)[name] === 'string') &&
      Object.keys(key).length === keyNames.length
    ) {
      return key as Record<string, string>;
    }
  } catch {
    // fall through: not a cursor this API handed out
  }
  throw notACursor();
}

export const notACursor = () =>
  badRequest('query.cursor: is not a cursor from a previous page', 'query.cursor');
