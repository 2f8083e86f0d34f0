import { z } from 'zod';
import { LANGUAGES } from './languages';

export { LANGUAGES, type Language } from './languages';

export const DISPLAY_NAME_MAX = 60;

/** The signed-in user's profile: identity from the ID token, preferences stored. */
export const profile = z.object({
  username: z.string(),
  email: z.string(),
  groups: z.array(z.string()),
  displayName: z.string(),
  language: z.enum(LANGUAGES),
  /** Increases with every save; send it back to update (optimistic concurrency). */
  version: z.number().int().min(0),
});
export type Profile = z.infer<typeof profile>;

export const updateProfileBody = z.strictObject({
  displayName: z.string().trim().max(DISPLAY_NAME_MAX),
  language: z.enum(LANGUAGES),
  /** The version this edit started from; a newer stored version answers 409. */
  version: z.number().int().min(0),
});
export type UpdateProfileBody = z.infer<typeof updateProfileBody>;

/** 409's body: the save lost a race, here is what won. */
export const profileConflict = z.object({
  message: z.string(),
  current: profile,
});
export type ProfileConflict = z.infer<typeof profileConflict>;
