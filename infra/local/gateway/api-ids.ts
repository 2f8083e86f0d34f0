import { z } from 'zod';
import { LOWER_ALNUM, randomFrom } from '../aws/identifiers';
import type { StateFile } from '../store/state-file';

export const apiIdsSchema = z.object({
  adminApiId: z.string(),
  generalApiId: z.string(),
  opsApiId: z.string(),
});
export type ApiIds = z.infer<typeof apiIdsSchema>;

/** API Gateway ids are ten lower-case letters and digits. */
const newApiId = () => randomFrom(LOWER_ALNUM, 10);

/** The three APIs' ids, made once and kept, so ARNs and policies stay stable across restarts. */
export function loadApiIds(file: StateFile<ApiIds>): ApiIds {
  const existing = file.load();
  if (existing) return existing;
  const ids = { adminApiId: newApiId(), generalApiId: newApiId(), opsApiId: newApiId() };
  file.save(ids);
  return ids;
}
