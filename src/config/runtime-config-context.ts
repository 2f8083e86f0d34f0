import { createContext, useContext } from 'react';
import type { RuntimeConfig } from '@contract/runtime-config';

export const RuntimeConfigContext = createContext<RuntimeConfig | null>(null);

/** The `/config.json` the app started with. */
export function useRuntimeConfig(): RuntimeConfig {
  const config = useContext(RuntimeConfigContext);
  if (!config) throw new Error('useRuntimeConfig needs a RuntimeConfigContext provider');
  return config;
}
