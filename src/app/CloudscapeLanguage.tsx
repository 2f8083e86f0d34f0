import { I18nProvider } from '@cloudscape-design/components/i18n';
import english from '@cloudscape-design/components/i18n/messages/all.en';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/i18n';

type Messages = typeof english;

/**
 * Cloudscape's own strings (pagination, filters, dialogs) in the console's language. English
 * comes with the signed-in frame; Japanese is fetched when chosen, as the console's own is.
 */
export function CloudscapeLanguage({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [japanese, setJapanese] = useState<Messages | undefined>(undefined);
  useEffect(() => {
    if (language !== 'ja' || japanese) return;
    let current = true;
    void import('@cloudscape-design/components/i18n/messages/all.ja').then((module) => {
      if (current) setJapanese(module.default);
    });
    return () => {
      current = false;
    };
  }, [language, japanese]);
  const messages = japanese ? [english, japanese] : [english];
  return (
    <I18nProvider locale={japanese && language === 'ja' ? 'ja' : 'en'} messages={messages}>
      {children}
    </I18nProvider>
  );
}
