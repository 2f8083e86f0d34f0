import { applyMode, Mode } from '@cloudscape-design/global-styles';

/** Light, dark, or whatever the operating system uses (the default). */
export type ModeChoice = 'system' | 'light' | 'dark';
export const MODE_CHOICES: readonly ModeChoice[] = ['system', 'light', 'dark'];

/** Where the chosen mode is remembered between visits. */
export const MODE_STORAGE_KEY = 'console.visualMode';

const darkQuery = () => window.matchMedia?.('(prefers-color-scheme: dark)');

export function storedModeChoice(): ModeChoice {
  try {
    const stored = localStorage.getItem(MODE_STORAGE_KEY);
    return (MODE_CHOICES as readonly (string | null)[]).includes(stored)
      ? (stored as ModeChoice)
      : 'system';
  } catch {
    return 'system';
  }
}

/** The mode a choice means now. */
export function resolveMode(choice: ModeChoice, systemDark: boolean): Mode {
  if (choice === 'system') return systemDark ? Mode.Dark : Mode.Light;
  return choice === 'dark' ? Mode.Dark : Mode.Light;
}

/** Remembers the choice and applies it at once. */
export function chooseMode(choice: ModeChoice): void {
  try {
    localStorage.setItem(MODE_STORAGE_KEY, choice);
  } catch {
    // Storage unavailable: the choice lasts for the visit.
  }
  applyMode(resolveMode(choice, darkQuery()?.matches ?? false));
}

/**
 * Applies the remembered choice and, while it is "system", follows the operating system
 * when it switches between light and dark. Returns what stops following.
 */
export function followVisualMode(): () => void {
  const query = darkQuery();
  const apply = () => applyMode(resolveMode(storedModeChoice(), query?.matches ?? false));
  apply();
  query?.addEventListener('change', apply);
  return () => query?.removeEventListener('change', apply);
}
