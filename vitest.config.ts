import { defineConfig } from 'vitest/config';

/** Tests that need a process of their own: CDK's bundling hands its stdio to esbuild, and
 * `process.umask()` cannot be set in a worker thread. */
const NEEDS_PROCESS = ['infra/cdk/**/*.test.ts', 'infra/local/store/state-file.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'threads',
          // Worker threads start and import far faster than child processes on 2 cores.
          pool: 'threads',
          include: ['src/**/*.test.{ts,tsx}', 'infra/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: NEEDS_PROCESS,
        },
      },
      { extends: true, test: { name: 'forks', pool: 'forks', include: NEEDS_PROCESS } },
    ],
  },
});
