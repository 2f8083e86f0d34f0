import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** CDK's bundling hands its stdio to esbuild, which a worker thread cannot give. */
const CDK = ['infra/cdk/**/*.test.ts'];
/** `process.umask()` cannot be set in a worker thread; `node:fs` is mocked there too. */
const UMASK = ['infra/local/store/state-file.test.ts'];

/**
 * The `infra` project shares modules between files, where a module mock would leak into the
 * next file: refuse to run rather than let such a file in.
 */
const INFRA = fileURLToPath(new URL('infra', import.meta.url));
const infraFilesMocking = readdirSync(INFRA, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.test.ts') && !UMASK.includes(join('infra', path)))
  .filter((path) => /\bvi\.(mock|doMock)\(/.test(readFileSync(join(INFRA, path), 'utf8')));
if (infraFilesMocking.length) {
  throw new Error(
    `These infra tests mock modules, which the infra project (isolate: false) would leak into other files: ${infraFilesMocking.join(', ')}. Move them to a project that isolates.`,
  );
}

export default defineConfig({
  // Vitest does not read vite.config.ts: `@contract` (tsconfig.json's `paths`) again here.
  resolve: { tsconfigPaths: true },
  test: {
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Vitest's default (cores − 1) runs one file at a time on 2 cores, and most files here wait
    // on servers and worker threads: three at once keep both cores busy.
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: {
          name: 'threads',
          // Worker threads start and import far faster than child processes on 2 cores.
          pool: 'threads',
          include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          // A file each: these files mock modules (`vi.mock`) that others load for real, and
          // share jsdom's storage, which Vitest resets between files only when isolating them.
          env: { LOCAL_POOL_REUSE_KEY_PAIRS: '1' },
        },
      },
      {
        extends: true,
        test: {
          name: 'infra',
          pool: 'threads',
          include: ['infra/**/*.test.ts'],
          exclude: [...CDK, ...UMASK],
          // The suite starts dozens of local user pools: see `REUSE_KEY_PAIRS_VARIABLE`.
          env: { LOCAL_POOL_REUSE_KEY_PAIRS: '1' },
          // A worker keeps modules between files, so the AWS SDK and the local stack load once
          // per worker, not once per file (20 s off the suite). Safe here because no file in it
          // mocks a module (the one that does is the `process` project's) and every spy and
          // stubbed variable is restored; it passes with its files shuffled.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'cdk',
          pool: 'forks',
          include: CDK,
          // One process, modules kept between files: aws-cdk-lib loads once and each distinct
          // synthesis is made once (testing/synth-console.ts). The stacks are only read.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'process', pool: 'forks', include: UMASK } },
    ],
  },
});
