import type { APIGatewayProxyEvent } from 'aws-lambda';
import { DRY_RUN_HEADER } from '@contract';

/** A request header by name in any case: API Gateway passes headers as the client spelled them. */
export function headerOf(event: APIGatewayProxyEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const entry = Object.entries(event.headers ?? {}).find(([key]) => key.toLowerCase() === wanted);
  return entry?.[1] ?? undefined;
}

/** The Access screen's probe (`DRY_RUN_HEADER`): answered without acting, never audited. */
export const isDryRun = (event: APIGatewayProxyEvent): boolean =>
  headerOf(event, DRY_RUN_HEADER) !== undefined;
