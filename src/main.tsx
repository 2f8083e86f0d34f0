import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { configureAmplify } from './config/configureAmplify';
import { ConfigErrorScreen } from './config/ConfigErrorScreen';
import { loadRuntimeConfig } from './config/loadRuntimeConfig';
import './ui/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

function render(node: ReactNode) {
  root.render(<StrictMode>{node}</StrictMode>);
}

// Amplify is configured from /config.json before the first render, so the session can be
// restored as soon as the app mounts.
loadRuntimeConfig().then(
  (config) => {
    configureAmplify(config);
    render(<App />);
  },
  (error: unknown) => {
    render(<ConfigErrorScreen message={error instanceof Error ? error.message : String(error)} />);
  },
);
