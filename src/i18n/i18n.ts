import i18next, { type BackendModule, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '@contract/languages';
import type { enConsole } from './en-console';
import { enSignIn } from './en-sign-in';

/** Where the chosen language is remembered between visits. */
export const LANGUAGE_STORAGE_KEY = 'console.language';

/**
 * English is in the first download (it is also every other language's fallback); the others
 * are fetched when chosen, so a language nobody uses costs nothing. i18next waits for them
 * before `init` or `changeLanguage` resolves, so nothing renders half-translated.
 */
const otherLanguages: BackendModule = {
  type: 'backend',
  init: () => {},
  read: (language, namespace, callback) => {
    // Japanese comes whole, in the default namespace; English is bundled (see below).
    if (language !== 'ja' || namespace !== 'translation') return callback(null, {});
    import('./ja').then(
      ({ ja }) => callback(null, ja),
      (error: unknown) => callback(error instanceof Error ? error : String(error), null),
    );
  },
};

/**
 * i18next in the language `detectLanguage` picks, remembered in localStorage whenever it
 * changes and reflected in `<html lang>`. Escaping is left to React, which renders every
 * message as text.
 */
export async function createI18n(): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance
    .use(otherLanguages)
    .use(initReactI18next)
    .init({
      lng: detectLanguage(readStoredLanguage(), navigator.languages),
      resources: { en: { translation: enSignIn } },
      partialBundledLanguages: true,
      fallbackNS: SIGNED_IN_NAMESPACE,
      supportedLngs: [...LANGUAGES],
      nonExplicitSupportedLngs: true,
      load: 'languageOnly',
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
    });
  const reflect = () => {
    const language = currentLanguage(instance);
    document.documentElement.lang = language;
    storeLanguage(language);
  };
  reflect();
  instance.on('languageChanged', reflect);
  return instance;
}

/** Where the signed-in screens' English goes; keys missing from the default are looked up here. */
const SIGNED_IN_NAMESPACE = 'console';

/**
 * Adds the signed-in screens' English, which their chunk brings (the sign-in screen's first
 * download has only its own). Adding it again changes nothing.
 */
export function addSignedInMessages(instance: i18n, messages: typeof enConsole): void {
  instance.addResourceBundle('en', SIGNED_IN_NAMESPACE, messages, true, true);
}

/**
 * The person's remembered choice, else the browser's first supported language (`ja-JP` reads
 * as `ja`), else English. Twelve lines rather than i18next-browser-languagedetector, whose
 * cookie, query-string and path lookups would cost the first download 2 KB for nothing.
 */
export function detectLanguage(stored: string | null, browser: readonly string[]): Language {
  const candidates = [stored, ...browser].map((tag) => tag?.toLowerCase().split('-')[0]);
  return candidates.find((tag): tag is Language => isLanguage(tag)) ?? 'en';
}

const isLanguage = (tag: string | undefined): boolean =>
  (LANGUAGES as readonly (string | undefined)[]).includes(tag);

// Storage can be unavailable (disabled, or full); the language then lasts for the visit.
function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // See readStoredLanguage.
  }
}

/** The supported language in use (`ja-JP` reads as `ja`). */
export function currentLanguage(instance: i18n): Language {
  const resolved = instance.resolvedLanguage ?? instance.language;
  return (LANGUAGES as readonly string[]).includes(resolved) ? (resolved as Language) : 'en';
}
