import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '@contract/languages';
import { currentLanguage } from './i18n';

/** Switches the console's language; the detector remembers the choice in localStorage. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switcher">
      {t('app.language')}{' '}
      <select
        value={currentLanguage(i18n)}
        onChange={(event) => void i18n.changeLanguage(event.target.value)}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`app.languages.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
