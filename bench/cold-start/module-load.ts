import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/**
 * Run by a fresh `node -e`: requires the bundle (argv[1]) as Lambda's runtime loads a CommonJS
 * handler, and prints how long that took in milliseconds. It exits at once, so a handle the
 * module might open does not keep the process, and the parent's timing, going.
 */
const LOADER = `
const started = performance.now();
require(process.argv[1]);
process.stdout.write(String(performance.now() - started));
process.exit(0);
`;

export interface ModuleLoad {
  /** From just before `require` to just after, inside the fresh process. */
  loadMs: number;
  /** From spawning the process to its exit: Node's own start-up, the load, the exit. */
  processMs: number;
}

/**
 * Loads `bundlePath` in a new Node process with only `env` (as the runtime sets a function's
 * environment, `NODE_OPTIONS` included) and times it. Throws with the child's stderr if the
 * module does not load.
 */
export function timeModuleLoad(bundlePath: string, env: Record<string, string>): ModuleLoad {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['-e', LOADER, bundlePath], {
    env,
    encoding: 'utf8',
  });
  const processMs = performance.now() - started;
  const loadMs = Number(child.stdout);
  if (child.status !== 0 || !Number.isFinite(loadMs) || child.stdout === '') {
    throw new Error(`loading ${bundlePath} failed (exit ${child.status}): ${child.stderr}`);
  }
  return { loadMs, processMs };
}
