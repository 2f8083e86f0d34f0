import i18next, { type i18n } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../contract/profile';
import { en } from './en';
import { ja } from './ja';

/** Where the chosen language is remembered between visits. */
export const LANGUAGE_STORAGE_KEY = 'console.language';

export const resources = { en: { translation: en }, ja: { translation: ja } } as const;

/**
 * i18next with the language chosen by the person (remembered in localStorage) or else by the
 * browser (`navigator.languages`, so `ja-JP` gives Japanese), English otherwise. Escaping is
 * left to React, which renders every message as text.
 */
export async function createI18n(): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources,
      supportedLngs: [...LANGUAGES],
      nonExplicitSupportedLngs: true,
      load: 'languageOnly',
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      detection: {
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: LANGUAGE_STORAGE_KEY,
        caches: ['localStorage'],
      },
    });
  const reflect = (language: string) => {
    document.documentElement.lang = language;
  };
  reflect(currentLanguage(instance));
  instance.on('languageChanged', () => reflect(currentLanguage(instance)));
  return instance;
}

/** The supported language in use (`ja-JP` reads as `ja`). */
export function currentLanguage(instance: i18n): Language {
  const resolved = instance.resolvedLanguage ?? instance.language;
  return (LANGUAGES as readonly string[]).includes(resolved) ? (resolved as Language) : 'en';
}
