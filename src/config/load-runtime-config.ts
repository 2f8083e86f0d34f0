import { parseRuntimeConfig, type RuntimeConfig } from '@contract/runtime-config';

export const RUNTIME_CONFIG_PATH = '/config.json';

const HOW_TO_FIX =
  'The console reads its endpoints from /config.json next to the app: run `npm start` for the local stack, or deploy the stack so it writes the file.';

/** Raised when /config.json cannot be fetched, read or validated; its message is for people. */
export class RuntimeConfigError extends Error {
  override readonly name = 'RuntimeConfigError';
}

/**
 * Loads the runtime config the SPA's origin serves. One build serves every environment, so
 * nothing here is baked in at build time.
 */
export async function loadRuntimeConfig(
  fetchImpl: typeof fetch = fetch,
  path: string = RUNTIME_CONFIG_PATH,
): Promise<RuntimeConfig> {
  let response: Response;
  try {
    response = await fetchImpl(path, { cache: 'no-store' });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RuntimeConfigError(`Could not load ${path} (${reason}). ${HOW_TO_FIX}`);
  }
  if (!response.ok) {
    const what = response.status === 404 ? 'was not found' : 'could not be loaded';
    throw new RuntimeConfigError(`${path} ${what} (HTTP ${response.status}). ${HOW_TO_FIX}`);
  }

  const text = await response.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // A dev server's SPA fallback answers a missing file with index.html.
    const looksLikeHtml = /^\s*</.test(text);
    throw new RuntimeConfigError(
      `${path} is not JSON${looksLikeHtml ? ' (the server answered with an HTML page)' : ''}. ${HOW_TO_FIX}`,
    );
  }

  try {
    return parseRuntimeConfig(value);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const detail = reason.replace(/^Invalid runtime config:\s*/, '');
    throw new RuntimeConfigError(`${path} is invalid: ${detail}.`);
  }
}
