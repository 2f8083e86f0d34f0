import { readFile } from 'node:fs/promises';
import { parseRuntimeConfig, type RuntimeConfig } from '../contract/runtime-config';

export const DEFAULT_CONFIG = 'http://127.0.0.1:5173/config.json';

export interface LoadedConfig {
  config: RuntimeConfig;
  /** Where relative addresses in it (the general API's `/api`) are resolved from. */
  origin?: string;
}

/** The console's config.json from a URL (the SPA's own) or a file, checked by its schema. */
export async function loadConfig(where: string): Promise<LoadedConfig> {
  if (/^https?:\/\//.test(where)) {
    const response = await fetch(where);
    if (!response.ok) throw new Error(`${where} answered ${response.status}`);
    return { config: parseRuntimeConfig(await response.json()), origin: new URL(where).origin };
  }
  return { config: parseRuntimeConfig(JSON.parse(await readFile(where, 'utf8'))) };
}
