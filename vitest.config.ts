import { defineConfig } from 'vitest/config';

/** CDK's bundling hands its stdio to esbuild, which a worker thread cannot give. */
const CDK = ['infra/cdk/**/*.test.ts'];
/** `process.umask()` cannot be set in a worker thread; `node:fs` is mocked there too. */
const UMASK = ['infra/local/store/state-file.test.ts'];

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
          include: ['src/**/*.test.{ts,tsx}', 'infra/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: [...CDK, ...UMASK],
          // The suite starts dozens of local user pools: see `REUSE_KEY_PAIRS_VARIABLE`.
          env: { LOCAL_POOL_REUSE_KEY_PAIRS: '1' },
          // A worker keeps modules between files: React, Cloudscape, Amplify, the AWS SDK and
          // the local stack load once per worker, not once per file (a sixth off the suite's
          // time). Vitest still gives each file its own module mocks and environment, and the
          // suite passes with its files shuffled (`--sequence.shuffle.files`).
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
