import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProvider } from '../api/ApiProvider';
import { enConsole } from '../i18n/en-console';
import { addSignedInMessages } from '../i18n/i18n';
import { FlashProvider } from '../ui/flash';
import { CloudscapeLanguage } from './CloudscapeLanguage';
import { ConsoleLayout } from './ConsoleLayout';

/**
 * Everything behind sign-in: the API clients, the query cache, the screens' English and the
 * console's frame. Loaded only once someone is signed in, so the signer, TanStack Query, the
 * routes' schemas, the layout and that text stay out of the sign-in screen's download.
 */
export default function SignedInLayout() {
  const { i18n } = useTranslation();
  // Before the first screen renders, once: the English its text needs.
  useState(() => addSignedInMessages(i18n, enConsole));
  return (
    <ApiProvider>
      <CloudscapeLanguage>
        <FlashProvider>
          <ConsoleLayout />
        </FlashProvider>
      </CloudscapeLanguage>
    </ApiProvider>
  );
}
