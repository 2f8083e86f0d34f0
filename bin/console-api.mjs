#!/usr/bin/env node
// The package's `console-api` bin: runs the CLI as `npm run build:cli` built it (src/cli bundled
// by esbuild into dist-cli/), on plain Node, with no TypeScript tooling at run time.
import { existsSync } from 'node:fs';

const built = new URL('../dist-cli/console-api.mjs', import.meta.url);
if (!existsSync(built)) {
  console.error(
    'console-api is not built: run `npm run build:cli` (it needs the devDependencies: `npm ci`).',
  );
  process.exit(1);
}
// Stack traces then name src/cli/*.ts, through the bundle's source map.
process.setSourceMapsEnabled(true);
await import(built.href);
