import 'i18next';
import type { en } from './en';

// Message keys are checked at compile time: `t('signIn.heading')` compiles, a typo does not.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
