#!/usr/bin/env node
// Builds the CLI (src/cli) into dist-cli/console-api.mjs, the module the package's
// `console-api` bin runs with plain Node: TypeScript compiled away by esbuild, so running it
// needs neither tsx nor typescript. Its packages stay imports, resolved from the package's
// `dependencies` at run time, so an install decides their versions once, as for the SPA.
//
// Run by `npm run build:cli`, `npm run build`, before `npm run api`, and by `prepare`, so a
// clone's `npm ci` (and a git install) leaves a runnable bin. esbuild is a devDependency:
// where it is not installed (`npm ci --omit=dev`) `prepare` has nothing to build with and
// says so instead of failing the install; the bin then runs the CLI built before, if any.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const CLI_ENTRY = `${root}src/cli/cli.ts`;
export const CLI_OUTPUT = `${root}dist-cli/console-api.mjs`;

/**
 * Bundles the CLI and returns the packages it imports. Writes each file under a temporary
 * name and renames it, so a bin started meanwhile (a parallel test) never reads half a file.
 */
export async function buildCli() {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [CLI_ENTRY],
    outfile: CLI_OUTPUT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    packages: 'external',
    // The bin turns source maps on: a stack trace names src/cli/*.ts.
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    write: false,
    logLevel: 'error',
  });
  mkdirSync(`${root}dist-cli`, { recursive: true });
  for (const file of result.outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  const imports = Object.values(result.metafile.outputs).flatMap((output) => output.imports);
  return [...new Set(imports.filter((i) => i.external).map((i) => i.path))].sort();
}

async function esbuildInstalled() {
  try {
    await import('esbuild');
    return true;
  } catch {
    return false;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.env.npm_lifecycle_event === 'prepare' && !(await esbuildInstalled())) {
    console.log(
      'console-api: esbuild (a devDependency) is not installed, so the CLI is not rebuilt',
    );
  } else {
    try {
      await buildCli();
    } catch (error) {
      rmSync(CLI_OUTPUT, { force: true });
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    }
  }
}
