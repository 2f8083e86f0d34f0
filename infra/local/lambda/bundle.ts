import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/* Inside node_modules, so the bundle's external packages resolve from the project's own. */
const cacheDir = `${repoRoot}node_modules/.cache/local-lambda`;

/** The handler source of a function under `infra/functions/`. */
export const functionEntry = (name: string) => `${repoRoot}infra/functions/${name}/index.ts`;

/**
 * Bundles a function with esbuild, as the CDK app does for Lambda, and returns the bundle's
 * path. Packages stay external here (resolved from node_modules) so start-up stays quick;
 * the file is named by its content, so concurrent stacks share it safely.
 */
export async function bundleFunction(name: string): Promise<string> {
  const result = await build({
    entryPoints: [functionEntry(name)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: 'inline',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  const path = `${cacheDir}/${name}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
  if (!existsSync(path)) {
    mkdirSync(cacheDir, { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, code);
    renameSync(temporary, path);
  }
  return path;
}
