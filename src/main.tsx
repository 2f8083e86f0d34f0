// First, before any schema is used.
import './config/zod-without-eval';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { SessionProvider } from './auth/SessionProvider';
import { configureAmplify } from './config/configure-amplify';
import { ConfigErrorScreen } from './config/ConfigErrorScreen';
import { loadRuntimeConfig } from './config/load-runtime-config';
import { RuntimeConfigContext } from './config/runtime-config-context';
import { createI18n } from './i18n/i18n';
import './ui/app.css';
import { followVisualMode } from './ui/visual-mode';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

function render(node: ReactNode) {
  root.render(<StrictMode>{node}</StrictMode>);
}

// Amplify is configured from /config.json before the first render, so the session can be
// restored as soon as the app mounts.
followVisualMode();
const i18nReady = createI18n();
loadRuntimeConfig().then(
  async (config) => {
    const i18n = await i18nReady;
    configureAmplify(config);
    render(
      <I18nextProvider i18n={i18n}>
        <RuntimeConfigContext.Provider value={config}>
          <SessionProvider>
            <App />
          </SessionProvider>
        </RuntimeConfigContext.Provider>
      </I18nextProvider>,
    );
  },
  (error: unknown) => {
    render(<ConfigErrorScreen message={error instanceof Error ? error.message : String(error)} />);
  },
);
