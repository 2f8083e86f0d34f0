import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type autocannon from 'autocannon';
import { format, resolveConfig } from 'prettier';

/** A whole-number setting from the environment, at least `min`. */
export function envInt(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number ≥ ${min}, got '${raw}'`);
  }
  return value;
}

/** A number for the console, with `digits` decimals and thousands separators. */
export const fmt = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Rows as aligned columns: the first left-aligned, the rest right-aligned, a rule under the head. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!)))
      .join('  ');
  const [head, ...body] = rows;
  return [line(head!), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** The machine a run was measured on: figures only compare within one run on one machine. */
export function machine(loadAverage1mAtStart: number | undefined) {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: process.platform,
    loadAverage1mAtStart,
    loadAverage1mAtEnd: loadavg()[0],
  };
}

/**
 * Writes a run's record to `bench/results/{name}-{start time}.json`, formatted by Prettier so
 * `npm run lint` passes over recorded results. Returns the file's path.
 */
export async function writeResult(name: string, startedAt: Date, record: object): Promise<string> {
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}${name}-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`;
  const style = await resolveConfig(file);
  writeFileSync(file, await format(JSON.stringify(record), { ...style, filepath: file }));
  return file;
}

/**
 * Records a run that checks its figures: writes the record, names each failed check, and gives
 * the process's exit code (1 when any check failed).
 */
export async function recordCheckedRun(
  name: string,
  startedAt: Date,
  record: { failures: readonly string[] },
): Promise<number> {
  const file = await writeResult(name, startedAt, record);
  console.log(`\nresults: ${file}`);
  for (const failure of record.failures) console.error(`FAIL ${failure}`);
  return record.failures.length ? 1 : 0;
}

/** What both load benchmarks record of an autocannon run: rates, latency, failures. */
export function autocannonFigures(result: autocannon.Result) {
  return {
    requestsPerSecond: {
      mean: result.requests.mean,
      stddev: result.requests.stddev,
      min: result.requests.min,
      max: result.requests.max,
    },
    totalRequests: result.requests.total,
    latencyMs: {
      mean: result.latency.mean,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]),
    ),
  };
}

/** Runs a bench's `main`: its answer is the exit status; an error is printed and exits 1. */
export function runBench(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
