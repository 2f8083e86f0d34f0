import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { ApiProvider } from '../api/ApiProvider';
import { enConsole } from '../i18n/en-console';
import { addSignedInMessages } from '../i18n/i18n';

/**
 * Everything behind sign-in: the API clients, the query cache and the screens' English.
 * Loaded only once someone is signed in, so the signer, TanStack Query, the routes' schemas
 * and that text stay out of the sign-in screen's download.
 */
export default function SignedInLayout() {
  const { i18n } = useTranslation();
  // Before the first screen renders, once: the English its text needs.
  useState(() => addSignedInMessages(i18n, enConsole));
  return (
    <ApiProvider>
      <Outlet />
    </ApiProvider>
  );
}
