import { enConsole } from './en-console';
import { enSignIn } from './en-sign-in';

/**
 * The console's English text, the reference every other language must match key for key
 * (`ja.ts` is typed against it). `{{name}}` is filled in by i18next. It is split in two so
 * the sign-in screen downloads only its own part.
 */
export const en = { ...enSignIn, ...enConsole };

/** The shape every language must have: the same keys, any strings. */
export type Messages = DeepStrings<typeof en>;
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
