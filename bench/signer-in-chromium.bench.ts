/**
 * The console's SigV4 signer against aws4fetch and aws-amplify's own signer, in Chromium
 * (`npm run bench:signer`).
 *
 * Bundles `bench/browser/signers.ts` with esbuild, serves it from 127.0.0.1 (a secure context,
 * cross-origin isolated so performance.now() has 5 µs resolution rather than 100 µs), and runs
 * it in a headless Chromium page. There each signer signs the same three requests (a GET with
 * a query, a POST with a 1 KB and with a 100 KB JSON body), first once to check that all three
 * produce the same Authorization header, then in rounds that rotate the signers' order,
 * `BENCH_BATCH` signatures per timed batch. Reported per case: the median of the batch means
 * (µs per signature) and ours / each peer, and whether ours is no slower than the fastest
 * peer (it is not since ours uses @aws-crypto/sha256-browser: bench/README.md has the figures).
 *
 * Environment: BENCH_ROUNDS (100), BENCH_BATCH (50), BENCH_WARMUP_ROUNDS (5). Exits 1 if the
 * signers disagree (the comparison would be meaningless); missing the goal is reported, not
 * a failure.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { resolveChromium } from '../scripts/chromium-path.mjs';
import { envInt, fmt, machine, table, runBench, writeResult } from './results';
import type { CaseName, PageResult, RunConfig, SignerBench, SignerName } from './browser/signers';

/** Ours first; the page module is not imported here, it only runs in the browser. */
const SIGNER_NAMES: readonly SignerName[] = ['ours', 'aws4fetch', 'amplify'];
const caseNames = (byCase: Record<CaseName, unknown>) => Object.keys(byCase) as CaseName[];

const config: RunConfig = {
  rounds: envInt('BENCH_ROUNDS', 100, 1),
  batch: envInt('BENCH_BATCH', 50, 1),
  warmupRounds: envInt('BENCH_WARMUP_ROUNDS', 5, 0),
};

async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./browser/signers.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

/** The page and its script. COOP + COEP make it cross-origin isolated: finer timers. */
async function serve(script: string): Promise<{ server: Server; url: string }> {
  const isolation = {
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
  };
  const server = createServer((req, res) => {
    if (req.url === '/signers.js') {
      res.writeHead(200, { ...isolation, 'content-type': 'text/javascript' }).end(script);
    } else if (req.url === '/') {
      res
        .writeHead(200, { ...isolation, 'content-type': 'text/html; charset=utf-8' })
        .end(
          '<!doctype html><title>signers</title><link rel="icon" href="data:,"><script type="module" src="/signers.js"></script>',
        );
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/` };
}

const median = (values: number[]) => quantile(values, 0.5);
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = sorted[Math.floor(at)]!;
  const high = sorted[Math.ceil(at)]!;
  return low + (high - low) * (at - Math.floor(at));
}

interface CaseSummary {
  case: CaseName;
  /** Median of batch means, µs per signature. */
  medianUs: Record<SignerName, number>;
  /** 25th and 75th percentile of batch means: how noisy the run was. */
  iqrUs: Record<SignerName, [number, number]>;
  oursOverAws4fetch: number;
  oursOverAmplify: number;
  fastestPeer: SignerName;
  goalMet: boolean;
  /**
   * Share of rounds in which ours was no slower than the faster peer of that same round: the
   * three ran back to back, so this pairs away drift that the medians keep.
   */
  roundsOursNotSlower: number;
}

function summarise(result: PageResult): CaseSummary[] {
  return caseNames(result.batchMeansUs).map((name) => {
    const means = result.batchMeansUs[name];
    const pick = (f: (v: number[]) => number) =>
      Object.fromEntries(SIGNER_NAMES.map((s) => [s, f(means[s])])) as Record<SignerName, number>;
    const medianUs = pick(median);
    const fastestPeer = medianUs.aws4fetch <= medianUs.amplify ? 'aws4fetch' : 'amplify';
    return {
      case: name,
      medianUs,
      iqrUs: Object.fromEntries(
        SIGNER_NAMES.map((s) => [s, [quantile(means[s], 0.25), quantile(means[s], 0.75)]]),
      ) as Record<SignerName, [number, number]>,
      oursOverAws4fetch: medianUs.ours / medianUs.aws4fetch,
      oursOverAmplify: medianUs.ours / medianUs.amplify,
      fastestPeer,
      goalMet: medianUs.ours <= medianUs[fastestPeer],
      roundsOursNotSlower:
        means.ours.filter((us, r) => us <= Math.min(means.aws4fetch[r]!, means.amplify[r]!))
          .length / means.ours.length,
    };
  });
}

/** The signature alone: the rest of the header would differ too if the signature did. */
const signatureOf = (authorization: string) => /Signature=([0-9a-f]{64})$/.exec(authorization)?.[1];

async function main(): Promise<number> {
  const startedAt = new Date();
  const executable = resolveChromium();
  if (!executable) throw new Error('No Chromium found: see scripts/ensure-chromium.mjs');
  const { server, url } = await serve(await bundlePage());
  const browser = await chromium.launch({
    executablePath: executable.executablePath,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    page.on('console', (message) => console.log(`  page: ${message.text()}`));
    page.on('pageerror', (error) => console.error(`  page error: ${error.message}`));
    await page.goto(url);
    await page.waitForFunction(() => 'signerBench' in globalThis);

    // SigV4 is deterministic: the three must agree, or they are not signing the same request.
    const authorizations = await page.evaluate(() =>
      (globalThis as unknown as { signerBench: SignerBench }).signerBench.authorizations(),
    );
    const disagreements = caseNames(authorizations).flatMap((name) => {
      const signatures = SIGNER_NAMES.map((s) => signatureOf(authorizations[name][s]));
      const headers = new Set(SIGNER_NAMES.map((s) => authorizations[name][s]));
      return signatures[0] && headers.size === 1
        ? []
        : [
            `${name}: ${SIGNER_NAMES.map((s, i) => `${s} ${signatures[i] ?? '(none)'}`).join(', ')}`,
          ];
    });
    if (disagreements.length) {
      for (const line of disagreements) console.error(`FAIL signers disagree: ${line}`);
      return 1;
    }
    console.log('all three signers produce the same Authorization header for each case');

    const browserVersion = browser.version();
    // The ratios hold up under load (the signers share it), the microseconds do not.
    const loadAtStart = loadavg()[0]!;
    if (loadAtStart > cpus().length / 2) {
      console.warn(
        `warning: load average ${fmt(loadAtStart, 2)} on ${cpus().length} CPUs before starting: other work inflates the µs figures`,
      );
    }
    console.log(
      `Chromium ${browserVersion}: ${config.rounds} rounds × ${config.batch} signatures per signer and case (+${config.warmupRounds} warm-up rounds)`,
    );
    const result = await page.evaluate(
      (c) => (globalThis as unknown as { signerBench: SignerBench }).signerBench.run(c),
      config,
    );
    const summary = summarise(result);

    console.log('');
    console.log(
      table([
        [
          'case',
          'ours µs',
          'aws4fetch µs',
          'amplify µs',
          'ours/aws4fetch',
          'ours/amplify',
          'goal met?',
          'ours ≤ fastest in',
        ],
        ...summary.map((s) => [
          s.case,
          fmt(s.medianUs.ours, 1),
          fmt(s.medianUs.aws4fetch, 1),
          fmt(s.medianUs.amplify, 1),
          fmt(s.oursOverAws4fetch, 2),
          fmt(s.oursOverAmplify, 2),
          s.goalMet
            ? 'yes'
            : `NO (${s.fastestPeer} ${fmt((1 - s.medianUs[s.fastestPeer] / s.medianUs.ours) * 100, 1)}% faster)`,
          `${fmt(s.roundsOursNotSlower * 100, 0)}% of rounds`,
        ]),
      ]),
    );
    console.log(
      `\nmedian of ${config.rounds} batch means, µs per signature; ratio < 1: ours faster. Goal: ours ≤ the fastest peer in every case: ${summary.every((s) => s.goalMet) ? 'MET' : 'NOT MET'}`,
    );
    if (!result.crossOriginIsolated) {
      console.warn('warning: the page was not cross-origin isolated, timers were 100 µs coarse');
    }

    const record = {
      startedAt: startedAt.toISOString(),
      machine: machine(loadAtStart),
      browser: {
        chromium: browserVersion,
        executable: executable.source,
        userAgent: result.userAgent,
        crossOriginIsolated: result.crossOriginIsolated,
      },
      config,
      summary,
      batchMeansUs: result.batchMeansUs,
    };
    const file = await writeResult('signer-in-chromium', startedAt, record);
    console.log(`results: ${file}`);
    return 0;
  } finally {
    await browser.close();
    server.close();
  }
}

runBench(main);
