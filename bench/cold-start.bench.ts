/**
 * What each Lambda handler's bundle costs to load on a cold start (`npm run bench:cold-start`,
 * part of `npm run bench`).
 *
 * Bundles every handler of `infra/functions/` with esbuild exactly as the CDK app's
 * NodejsFunction does (from the same `HANDLER_BUNDLING` object, translated as aws-cdk-lib's
 * bundling translates it: the bytes equal a synthesized asset's), and with variations of it,
 * then loads each bundle in a fresh Node process, as a new function instance does, and times
 * the `require` (module load: parse, compile, top-level evaluation; the handlers create their
 * SDK clients lazily, so no client is built). Each configuration is loaded `BENCH_RUNS` times
 * per handler, in an order that rotates every round so drift falls on all alike; the medians
 * are compared.
 *
 * Environment: BENCH_RUNS timed loads per handler and configuration (15), BENCH_WARMUP
 * untimed loads first (1). Exits 1 if a bundle does not load.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { FUNCTION_NAMES, functionEnvironment } from '../infra/functions/function-access';
import { HANDLER_BUNDLING, HANDLER_NODE_OPTIONS } from '../infra/cdk/constructs/handlers';
import { bundleHandler, type HandlerBundle } from './cold-start/handler-bundle';
import { timeModuleLoad, type ModuleLoad } from './cold-start/module-load';
import { envInt, fmt, machine, table, runBench, writeResult } from './results';

type HandlerName = (typeof FUNCTION_NAMES)[number];

const config = {
  runs: envInt('BENCH_RUNS', 15, 1),
  warmupRuns: envInt('BENCH_WARMUP', 1, 0),
};

interface Configuration {
  name: string;
  description: string;
  bundling: BundlingOptions;
  /** `NODE_OPTIONS` the function runs with ('' for none). */
  nodeOptions: string;
}

/** The bundling before issue 16: the same, but packages' CommonJS entry points (`main`). */
const { mainFields: _esmFirst, ...CJS_ENTRY_POINTS } = HANDLER_BUNDLING;

/** What is compared: the deployed configuration first, then each change from it. */
const CONFIGURATIONS: readonly Configuration[] = [
  {
    name: 'deployed',
    description: `HANDLER_BUNDLING as deployed (ES entry points, minified, source map), NODE_OPTIONS=${HANDLER_NODE_OPTIONS}`,
    bundling: HANDLER_BUNDLING,
    nodeOptions: HANDLER_NODE_OPTIONS,
  },
  {
    name: 'unminified',
    description: 'the same without minify',
    bundling: { ...HANDLER_BUNDLING, minify: false },
    nodeOptions: HANDLER_NODE_OPTIONS,
  },
  {
    name: 'no-source-maps-flag',
    description: `the deployed bytes without ${HANDLER_NODE_OPTIONS}: what applying the map costs at load`,
    bundling: HANDLER_BUNDLING,
    nodeOptions: '',
  },
  {
    name: 'cjs-entry-points',
    description:
      "as deployed before issue 16: minified, but the packages' CommonJS (`main`), so the whole AWS SDK clients are bundled",
    bundling: CJS_ENTRY_POINTS,
    nodeOptions: HANDLER_NODE_OPTIONS,
  },
  {
    name: 'cjs-unminified',
    description: 'the same without minify: what issue 16 took the deployed bundles to be',
    bundling: { ...CJS_ENTRY_POINTS, minify: false },
    nodeOptions: HANDLER_NODE_OPTIONS,
  },
];

/** A function's environment as Lambda and the CDK app set it, with made-up resource names. */
function lambdaEnvironment(name: HandlerName, nodeOptions: string): Record<string, string> {
  const region = 'ap-northeast-1';
  return {
    PATH: process.env.PATH ?? '',
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_LAMBDA_FUNCTION_NAME: name,
    // Lambda runs Node 22; the SDK's warning about an older Node is this machine's.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
    ...functionEnvironment(name, {
      tableName: (table) => `bench-${table}`,
      userPoolId: `${region}_bench`,
      opsTokenSecretId: `arn:aws:secretsmanager:${region}:123456789012:secret:bench`,
      allowedOrigins: 'https://console.example',
    }),
    ...(name === 'ops-authorizer' ? { OPS_ALLOWED_CIDRS: '192.0.2.0/24' } : {}),
  };
}

const quantile = (sorted: readonly number[], q: number) => {
  const at = (sorted.length - 1) * q;
  const low = sorted[Math.floor(at)]!;
  const high = sorted[Math.ceil(at)]!;
  return low + (high - low) * (at - Math.floor(at));
};

function summarize(samples: readonly number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

const kb = (bytes: number | null) => (bytes === null ? '-' : fmt(bytes / 1024));
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function main(): Promise<number> {
  const startedAt = new Date();
  const loadAtStart = loadavg()[0]!;
  console.log(
    `Cold-start bench: ${FUNCTION_NAMES.length} handlers × ${CONFIGURATIONS.length} configurations × ${config.runs} loads (+${config.warmupRuns} untimed), ${cpus().length} CPUs, Node ${process.version} (Lambda: nodejs22.x)`,
  );
  if (loadAtStart > cpus().length / 2) {
    console.warn(
      `warning: load average ${fmt(loadAtStart, 2)} on ${cpus().length} CPUs before starting: other work will skew the figures`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'cold-start-'));
  try {
    // One bundle per handler and distinct bundling (two configurations share the deployed one).
    const bundles = new Map<string, HandlerBundle>();
    const bundleKey = (name: HandlerName, c: Configuration) =>
      `${name} ${JSON.stringify(c.bundling)}`;
    for (const name of FUNCTION_NAMES) {
      for (const c of CONFIGURATIONS) {
        const key = bundleKey(name, c);
        if (bundles.has(key)) continue;
        const out = join(dir, c.name, name);
        mkdirSync(out, { recursive: true });
        bundles.set(key, await bundleHandler(name, c.bundling, out));
      }
    }

    const samples = new Map<string, ModuleLoad[]>();
    const sampleKey = (name: HandlerName, c: Configuration) => `${name} ${c.name}`;
    const rounds = config.warmupRuns + config.runs;
    for (let round = 0; round < rounds; round++) {
      process.stdout.write(
        `\r  round ${round + 1}/${rounds}${round < config.warmupRuns ? ' (untimed)' : ''}   `,
      );
      for (const name of FUNCTION_NAMES) {
        for (let i = 0; i < CONFIGURATIONS.length; i++) {
          const c = CONFIGURATIONS[(round + i) % CONFIGURATIONS.length]!;
          const load = timeModuleLoad(
            bundles.get(bundleKey(name, c))!.path,
            lambdaEnvironment(name, c.nodeOptions),
          );
          if (round < config.warmupRuns) continue;
          const key = sampleKey(name, c);
          samples.set(key, [...(samples.get(key) ?? []), load]);
        }
      }
    }
    console.log('');

    const results = FUNCTION_NAMES.flatMap((name) => {
      const deployedLoad = summarize(
        samples.get(sampleKey(name, CONFIGURATIONS[0]!))!.map((s) => s.loadMs),
      ).median;
      return CONFIGURATIONS.map((c) => {
        const bundle = bundles.get(bundleKey(name, c))!;
        const loads = samples.get(sampleKey(name, c))!;
        const loadMs = summarize(loads.map((s) => s.loadMs));
        return {
          handler: name,
          configuration: c.name,
          bundleBytes: bundle.bytes,
          sourceMapBytes: bundle.sourceMapBytes,
          bundleSha256: sha256(bundle.path),
          loadMs,
          processMs: summarize(loads.map((s) => s.processMs)),
          loadVsDeployed: loadMs.median / deployedLoad,
          samples: loads,
        };
      });
    });

    console.log('');
    console.log(
      table([
        [
          'handler',
          'configuration',
          'JS KiB',
          'map KiB',
          'load ms p50',
          'p25–p75',
          'process ms p50',
          'load vs deployed',
        ],
        ...results.map((r) => [
          r.handler,
          r.configuration,
          kb(r.bundleBytes),
          kb(r.sourceMapBytes),
          fmt(r.loadMs.median, 1),
          `${fmt(r.loadMs.p25, 1)}–${fmt(r.loadMs.p75, 1)}`,
          fmt(r.processMs.median, 1),
          fmt(r.loadVsDeployed, 2),
        ]),
      ]),
    );
    console.log('');
    for (const c of CONFIGURATIONS) console.log(`${c.name}: ${c.description}`);

    const record = {
      startedAt: startedAt.toISOString(),
      machine: machine(loadAtStart),
      config: { ...config, lambdaRuntime: 'nodejs22.x', measuredOn: process.version },
      configurations: CONFIGURATIONS,
      results,
    };
    const file = await writeResult('cold-start', startedAt, record);
    console.log(`\nresults: ${file}`);
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

runBench(main);
