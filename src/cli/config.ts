import { readFile } from 'node:fs/promises';
import { parseRuntimeConfig, type RuntimeConfig } from '@contract/runtime-config';
import { UsageError } from './usage';

export const DEFAULT_CONFIG = 'http://127.0.0.1:5173/config.json';

export interface LoadedConfig {
  config: RuntimeConfig;
  /** Where relative addresses in it (the general API's `/api`) are resolved from. */
  origin?: string;
}

/** This machine: `localhost`, 127.0.0.0/8 or `::1` (as a URL's hostname spells them). */
export function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/**
 * The config names the endpoints the CLI sends signed requests and credentials to, so it must
 * come from where it says: over HTTPS, or plain HTTP from this machine only (the local
 * stack's SPA), and never from wherever a redirect points.
 */
async function fetchConfig(where: string): Promise<unknown> {
  const url = new URL(where);
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new UsageError(
      `the config at ${where} would come over plain HTTP, which anyone on the way can rewrite: use https:// (http:// only for 127.0.0.1, ::1 or localhost)`,
    );
  }
  const response = await fetch(url, { redirect: 'manual' });
  if (response.status >= 300 && response.status < 400) {
    const location = response.headers.get('location');
    await response.body?.cancel();
    throw new UsageError(
      `the config at ${where} answered ${response.status}, a redirect${location ? ` to ${location}` : ''}: the CLI follows no redirects for its config, so give the address it should be read from`,
    );
  }
  if (!response.ok) throw new Error(`${where} answered ${response.status}`);
  return response.json();
}

/** The config's endpoints the CLI sends tokens, credentials or signed requests to. */
const ENDPOINTS = [
  'userPoolEndpoint',
  'identityPoolEndpoint',
  'adminApiUrl',
  'generalApiUrl',
  'opsApiUrl',
] as const;

/**
 * The same rule for what the config names as for the config itself: tokens and signed calls
 * go over HTTPS, or plain HTTP to this machine only (a relative address stays on the config's
 * own origin).
 */
function assertSafeEndpoints(config: RuntimeConfig, where: string): RuntimeConfig {
  for (const name of ENDPOINTS) {
    const value = config[name];
    if (!value || !/^http:\/\//i.test(value)) continue;
    if (!isLoopbackHost(new URL(value).hostname)) {
      throw new UsageError(
        `the config at ${where} sends ${name} over plain HTTP (${value}), where anyone on the way can read tokens and signed calls: use https:// (http:// only for 127.0.0.1, ::1 or localhost)`,
      );
    }
  }
  return config;
}

/** The console's config.json from a URL (the SPA's own) or a file, checked by its schema. */
export async function loadConfig(where: string): Promise<LoadedConfig> {
  if (/^https?:\/\//i.test(where)) {
    const config = parseRuntimeConfig(await fetchConfig(where));
    return { config: assertSafeEndpoints(config, where), origin: new URL(where).origin };
  }
  const config = parseRuntimeConfig(JSON.parse(await readFile(where, 'utf8')));
  return { config: assertSafeEndpoints(config, where) };
}
