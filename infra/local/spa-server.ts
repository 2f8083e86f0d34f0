import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { createServer, preview, type Plugin, type ProxyOptions } from 'vite';
import { connectOriginsOf, securityHeaderValues, type RuntimeConfig } from '@contract';
import { refuseForeignHost } from './host-check';
import { PortInUseError } from './net';
import type { LocalSettings } from './settings';

/** Serves the stack's `/config.json` from the SPA's own origin, as CloudFront serves CDK's. */
function runtimeConfigPlugin(config: RuntimeConfig): Plugin {
  const body = JSON.stringify(config, null, 2);
  const middleware = (req: { url?: string }, res: ServerResponse, next: () => void) => {
    if (req.url?.split('?')[0] !== '/config.json') return next();
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(body);
  };
  return {
    name: 'local-runtime-config',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}

/**
 * The same `Host` check as every other local server, after Vite's own (`server.allowedHosts`,
 * which lets any IP address and any `*.localhost` through, on any port; kept, as it also
 * guards the hot-reload WebSocket).
 */
function ownHostOnlyPlugin(): Plugin {
  const middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (!refuseForeignHost(req, res)) next();
  };
  return {
    name: 'local-own-host-only',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}

/**
 * The dev server serves files from the project's root, where the state directory (`.local/`:
 * the operator's key, issued secrets, signing keys) usually is: nothing in it is ever served,
 * by any path Vite would resolve (`/.local/…`, `/@fs/…`, encoded or not).
 */
function privateStatePlugin(stateDir: string, root: string): Plugin {
  const inside = (path: string) => path === stateDir || path.startsWith(stateDir + sep);
  const middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    let path: string;
    try {
      path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    } catch {
      path = req.url ?? '/';
    }
    const candidates = [resolve(root, `.${path}`)];
    if (path.startsWith('/@fs/')) candidates.push(resolve(path.slice('/@fs'.length)));
    if (!candidates.some(inside)) return next();
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('Not Found');
  };
  return {
    name: 'local-private-state',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}

export class MissingBuildError extends Error {}

export interface SpaServer {
  url: string;
  close(): Promise<void>;
}

/**
 * `/api/*` on the SPA's origin goes to the general API's stage, as CloudFront's `/api/*`
 * behaviour does: path kept, viewer headers passed on, `Host` the API's own.
 */
function generalApiProxy(generalApiUrl: string): Record<string, ProxyOptions> {
  const target = new URL(generalApiUrl);
  return {
    '/api': {
      target: target.origin,
      changeOrigin: true,
      rewrite: (path) => `${target.pathname}${path}`,
    },
  };
}

/** The Vite dev server, or with `mode: 'preview'` the production build in `dist/`. */
export async function startSpaServer(
  mode: 'dev' | 'preview',
  settings: LocalSettings,
  config: RuntimeConfig,
  generalApiUrl: string,
  root = process.cwd(),
): Promise<SpaServer> {
  const { host } = settings;
  const port = settings.ports.spa;
  const stateDir = resolve(settings.stateDir);
  const plugins = [
    ownHostOnlyPlugin(),
    privateStatePlugin(stateDir, resolve(root)),
    runtimeConfigPlugin(config),
  ];
  const proxy = generalApiProxy(generalApiUrl);
  try {
    if (mode === 'preview') {
      if (!existsSync(join(root, 'dist', 'index.html'))) {
        throw new MissingBuildError(
          'There is no production build in dist/: run `npm run build` first.',
        );
      }
      const server = await preview({
        root,
        plugins,
        // The production build gets CloudFront's headers, CSP included; the dev server can't,
        // because Vite's hot reload injects inline scripts.
        preview: {
          host,
          port,
          strictPort: true,
          open: false,
          proxy,
          headers: securityHeaderValues(connectOriginsOf(config)),
        },
      });
      return { url: `http://${host}:${port}`, close: () => server.close() };
    }
    const server = await createServer({
      root,
      plugins,
      server: {
        host,
        port,
        strictPort: true,
        open: false,
        proxy,
        // The SPA is same-origin with itself: no other origin may read what this serves.
        cors: false,
        // Vite's own guard too, with its defaults kept.
        fs: { deny: ['.env', '.env.*', '*.{crt,pem}', '**/.git/**', `${stateDir}/**`] },
      },
    });
    await server.listen();
    return { url: `http://${host}:${port}`, close: () => server.close() };
  } catch (error) {
    if (error instanceof Error && /Port \d+ is (already )?in use/.test(error.message)) {
      throw new PortInUseError(
        `Port ${port} (SPA) is already in use: stop whatever holds it or set LOCAL_SPA_PORT.`,
      );
    }
    throw error;
  }
}
