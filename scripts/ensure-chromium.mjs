#!/usr/bin/env node
// Makes sure the end-to-end tests have a Chromium: finds one (see chromium-path.mjs) or, as
// root on Debian, installs Debian's chromium package with apt-get. Never downloads browsers
// from Playwright's CDN.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ENV_VARIABLE, resolveChromium } from './chromium-path.mjs';

const HOW_TO_GET_ONE =
  `No Chromium found for the end-to-end tests. Install one with your package manager ` +
  `(Debian: \`sudo apt-get install chromium\`), or point ${ENV_VARIABLE} at a Chromium or ` +
  `Chrome executable, e.g. \`${ENV_VARIABLE}=/path/to/chrome npm test\`. Where Playwright's ` +
  `download server is reachable, \`npx playwright install chromium\` works too.`;

function find() {
  try {
    return resolveChromium();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
}

let found = find();
if (!found) {
  const canInstall = process.getuid?.() === 0 && existsSync('/etc/debian_version');
  if (!canInstall) {
    console.error(HOW_TO_GET_ONE);
    process.exit(1);
  }
  console.log('No Chromium found; installing Debian chromium with apt-get.');
  try {
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', 'chromium']);
  } catch (error) {
    console.error(`Installing chromium failed: ${error instanceof Error ? error.message : error}`);
    console.error(HOW_TO_GET_ONE);
    process.exit(1);
  }
  found = find();
  if (!found) {
    console.error(HOW_TO_GET_ONE);
    process.exit(1);
  }
}
console.log(`Chromium for Playwright: ${found.executablePath} (${found.source})`);
