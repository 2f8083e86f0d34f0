/**
 * The console's CSV import against a local stack (`npm run bench:import`, part of `npm run bench`):
 * how fast a file of new users is invited, and what Cognito's throttling costs it.
 *
 * Runs the import engine exactly as the SPA's Users → Import runs it: the file is read by
 * `readImportFile`, its rows sent by `runBatch` (`src/features/admin/batch/run-batch.ts`), one
 * `inviteRow` each (`src/features/admin/users/import/invite-row.ts`), through the product's
 * typed client over its signing fetch (`createRouteCaller` and `createSigningFetch`) with the
 * identity-pool credentials of an administrator with an authenticator app, as
 * `e2e/fixtures/operator.ts`'s `adminClient()` builds it. Every row's outcome is read with the
 * dialog's own `importResultOf`. Against a fresh local stack, each configuration invites
 * BENCH_ROWS fresh users (half in one group, a third in two, the rest in none):
 *
 * - `c1`: one row at a time (a naive importer), the baseline every ratio is against;
 * - `c4`: `BATCH_CONCURRENCY`, what the console sends;
 * - `c8`: twice that;
 * - `c4 UserCreation 8/s`: the console's 4 with AdminCreateUser's quota lowered to 8/s (what
 *   `e2e/import.spec.ts` does), to show what waiting out throttling costs.
 *
 * The first three run at Cognito's default quotas (the stack's). Every configuration starts
 * with the quotas put back and every bucket full. It records wall time, rows/s, each row's time
 * from its first send to its outcome, the rows' results, the throttle waits (`runBatch`'s
 * `onWait`), the calls of each route and their 429s, and the least time the quotas allow for
 * the file's Cognito calls. Afterwards the user pool is asked how many users the configuration's
 * prefix has: exactly BENCH_ROWS, or something was invited twice or lost.
 *
 * Environment: BENCH_ROWS users per configuration (200, at most the import's 1,000),
 * BENCH_WARMUP_ROWS untimed invitations first (8: the admin Lambda's first load). Exits 1
 * unless every configuration ends with every row invited in all its groups and the pool
 * holds exactly those users.
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { GetCredentialsForIdentityCommand } from '@aws-sdk/client-cognito-identity';
import { ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { TFunction } from 'i18next';
import Papa from 'papaparse';
import { GROUPS, type UserDetail } from '@contract';
import { loginsFor } from '../infra/local/testing/callers';
import { createMfaAdmin } from '../infra/local/testing/mfa-admin';
import { startTestStack, type TestStack } from '../infra/local/testing/test-stack';
import type { QuotaRates } from '../infra/local/user-pool/request-quotas';
import type { ApiClient } from '../src/api/clients';
import { createRouteCaller, type RouteCaller } from '../src/api/route-caller';
import { createSigningFetch } from '../src/api/signing-fetch';
import { isThrottled } from '../src/api/throttle-patience';
import {
  BATCH_CONCURRENCY,
  runBatch,
  type RowOutcome,
} from '../src/features/admin/batch/run-batch';
import {
  IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  readImportFile,
  type ImportRow,
} from '../src/features/admin/users/import/import-csv';
import { countResults, importResultOf } from '../src/features/admin/users/import/import-results';
import { inviteRow } from '../src/features/admin/users/import/invite-row';
import { envInt, fmt, machine, recordCheckedRun, runBench, table } from './results';

const config = {
  rows: envInt('BENCH_ROWS', 200, 1),
  warmupRows: envInt('BENCH_WARMUP_ROWS', 8, 0),
};
if (config.rows > MAX_IMPORT_ROWS) {
  throw new Error(`BENCH_ROWS must be at most ${MAX_IMPORT_ROWS}, the import's own limit`);
}

interface Configuration {
  name: string;
  concurrency: number;
  /** Quotas changed from the stack's (Cognito's defaults); none for the defaults. */
  quotas: Partial<QuotaRates>;
}

const CONFIGURATIONS: readonly Configuration[] = [
  { name: 'c1', concurrency: 1, quotas: {} },
  { name: 'c4', concurrency: BATCH_CONCURRENCY, quotas: {} },
  { name: 'c8', concurrency: 8, quotas: {} },
  // What e2e/import.spec.ts sets: four invitations at a time then exceed AdminCreateUser's quota.
  { name: 'c4 UserCreation 8/s', concurrency: BATCH_CONCURRENCY, quotas: { UserCreation: 8 } },
];

/** Calls of one route and how many of them were answered 429. */
type RouteCalls = Record<string, { calls: number; throttled: number }>;

/**
 * The admin API as the console calls it, counting each route's calls and 429s on the way
 * (counting only: every call and error passes through unchanged). The import calls admin routes
 * only; `createRouteCaller('admin', …)` refuses any other, so typing it as the console's
 * two-API client (what `inviteRow` takes) lets nothing through that the console would route
 * elsewhere.
 */
function countingClient(admin: RouteCaller<'admin'>, counts: RouteCalls): ApiClient {
  const counted = async (...args: Parameters<RouteCaller<'admin'>>) => {
    const route = (counts[args[0]] ??= { calls: 0, throttled: 0 });
    route.calls++;
    try {
      return await admin(...args);
    } catch (error) {
      if (isThrottled(error)) route.throttled++;
      throw error;
    }
  };
  return counted as unknown as ApiClient;
}

/**
 * A typed admin client over the product's signing fetch, signing with the identity pool's
 * credentials for the administrator's ID token, fetched as the console's session does (and
 * again when the signing fetch's cache asks).
 */
async function adminClient(
  stack: TestStack,
): Promise<{ admin: RouteCaller<'admin'>; email: string }> {
  // The admin API answers only administrators with an authenticator app.
  const { caller, email } = await createMfaAdmin(stack);
  const logins = loginsFor(caller.idToken);
  const signedFetch = createSigningFetch({
    region: stack.runtimeConfig.region,
    credentials: async () => {
      const { Credentials } = await stack.identity.send(
        new GetCredentialsForIdentityCommand({ IdentityId: caller.identityId, Logins: logins }),
      );
      return {
        accessKeyId: Credentials!.AccessKeyId!,
        secretAccessKey: Credentials!.SecretKey!,
        sessionToken: Credentials!.SessionToken!,
        expiration: Credentials!.Expiration!,
      };
    },
  });
  return { admin: createRouteCaller('admin', stack.runtimeConfig.adminApiUrl, signedFetch), email };
}

/** Row n's groups: half in one group, a third in two, a sixth in none. */
function groupsOf(n: number): string[] {
  const slot = n % 6;
  if (slot < 3) return [GROUPS.general.name];
  if (slot < 5) return [GROUPS.helpdesk.name, GROUPS.general.name];
  return [];
}

/** A file of `count` new users under `prefix`, read as the dialog reads a chosen file. */
async function importFile(prefix: string, count: number): Promise<ImportRow[]> {
  const data = Array.from({ length: count }, (_, n) => [
    `${prefix}-${String(n).padStart(4, '0')}@example.com`,
    groupsOf(n).join(';'),
    `Person ${n}`,
  ]);
  const csv = Papa.unparse({ fields: [...IMPORT_COLUMNS], data });
  const plan = await readImportFile(new File([csv], 'people.csv', { type: 'text/csv' }));
  const ready = plan.rows.filter((row) => row.invite);
  if (ready.length !== count) throw new Error(`only ${ready.length} of ${count} rows are ready`);
  return ready;
}

/**
 * The least time Cognito's quotas allow for the file's calls: per category, its calls past the
 * second a full bucket holds, at its rate; the slowest category bounds the import. Counted are
 * the calls every row makes at least (the admin function's reads of the caller, AdminCreateUser,
 * one AdminAddUserToGroup per group), not retries or later group adds.
 */
function quotaFloorSeconds(rows: readonly ImportRow[], rates: QuotaRates) {
  const calls = {
    UserCreation: rows.length,
    UserUpdate: rows.reduce((sum, row) => sum + row.invite!.groups.length, 0),
    UserResourceRead: rows.length,
    UserRead: rows.length,
  };
  const seconds = Object.fromEntries(
    Object.entries(calls).map(([category, count]) => {
      const rate = rates[category as keyof typeof calls];
      return [category, Math.max(0, count - rate) / rate];
    }),
  ) as Record<keyof typeof calls, number>;
  const [binding, floor] = Object.entries(seconds).sort((a, b) => b[1] - a[1])[0]!;
  return { seconds: floor, binding, byCategory: seconds, calls };
}

/** How many users of the pool have an address starting with `prefix`, asked of Cognito itself. */
async function usersInPool(stack: TestStack, prefix: string): Promise<number> {
  let count = 0;
  let PaginationToken: string | undefined;
  do {
    const page = await stack.idp.send(
      new ListUsersCommand({
        UserPoolId: stack.userPool.id,
        Filter: `email ^= "${prefix}"`,
        Limit: 60,
        PaginationToken,
      }),
    );
    count += page.Users?.length ?? 0;
    PaginationToken = page.PaginationToken;
  } while (PaginationToken);
  return count;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
    : 0;

/**
 * The dialog's own reading of each outcome (`importResultOf`); only the kind is used, so the
 * words are not translated.
 */
const untranslated = ((key: string) => key) as unknown as TFunction;

async function importOnce(
  admin: RouteCaller<'admin'>,
  rows: readonly ImportRow[],
  concurrency: number,
) {
  const routes: RouteCalls = {};
  const api = countingClient(admin, routes);
  const batch = randomUUID();
  const outcomes: Array<RowOutcome<UserDetail> | undefined> = rows.map(() => undefined);
  const indexOf = new Map(rows.map((row, index) => [row, index]));
  const firstSentAt: number[] = [];
  const rowMs: number[] = [];
  const waits: number[] = [];
  const rowsThatWaited = new Set<number>();
  const controller = new AbortController();
  const start = performance.now();
  await runBatch(rows, {
    // The dialog's own call for a row (`ImportUsersModal`'s `send`).
    perform: (row, signal) => {
      firstSentAt[indexOf.get(row)!] ??= performance.now();
      return inviteRow(api, row, { batch, signal });
    },
    signal: controller.signal,
    concurrency,
    onWait: (index, ms) => {
      waits.push(ms);
      rowsThatWaited.add(index);
    },
    onSettled: (index, outcome) => {
      outcomes[index] = outcome;
      rowMs.push(performance.now() - (firstSentAt[index] ?? start));
    },
  });
  const wallSeconds = (performance.now() - start) / 1000;
  const counts = countResults(rows.map((row, i) => importResultOf(row, outcomes[i], untranslated)));
  const failures = outcomes.flatMap((outcome, i) =>
    outcome?.state === 'failed' ? [{ email: rows[i]!.email, error: String(outcome.error) }] : [],
  );
  rowMs.sort((a, b) => a - b);
  return {
    batch,
    wallSeconds,
    rowsPerSecond: rows.length / wallSeconds,
    results: counts,
    failures: failures.slice(0, 10),
    rowMs: {
      p50: percentile(rowMs, 50),
      p95: percentile(rowMs, 95),
      max: rowMs.at(-1) ?? 0,
    },
    throttleWaits: waits.length,
    rowsThatWaited: rowsThatWaited.size,
    throttleWaitSeconds: waits.reduce((sum, ms) => sum + ms, 0) / 1000,
    routes,
  };
}

/** One configuration: its own users, the quotas given from full buckets, then the pool's count. */
async function runConfiguration(
  stack: TestStack,
  admin: RouteCaller<'admin'>,
  configuration: Configuration,
  prefix: string,
) {
  const rows = await importFile(prefix, config.rows);
  // Every configuration starts alike: the quotas as given, every bucket full.
  stack.userPoolQuotas.reset();
  const rates = Object.keys(configuration.quotas).length
    ? stack.userPoolQuotas.set(configuration.quotas)
    : stack.userPoolQuotas.current;
  // Printed when it ends: the admin function's warnings (a throttled group add) come meanwhile.
  const result = await importOnce(admin, rows, configuration.concurrency);
  stack.userPoolQuotas.reset();
  const inPool = await usersInPool(stack, prefix);
  console.log(
    `  ${configuration.name}: ${fmt(result.wallSeconds, 1)} s, ${fmt(result.rowsPerSecond, 1)} rows/s, ${result.throttleWaits} throttle waits`,
  );
  return {
    ...configuration,
    prefix,
    rows: rows.length,
    quotaFloor: quotaFloorSeconds(rows, rates),
    ...result,
    usersInPool: inPool,
  };
}

async function main(): Promise<number> {
  const startedAt = new Date();
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const cores = cpus().length;
  console.log(
    `CSV import: ${config.rows} new users per configuration, runBatch + inviteRow through the signing fetch, ${cores} CPUs, Node ${process.version}`,
  );
  console.log(
    `Note: the local stack (gateway, AWS edge, dynalite, the admin Lambda's worker) runs in this process on ${cores} shared CPU${cores === 1 ? '' : 's'}; the token buckets are Cognito's quotas, so a run at a quota measures the quota, not the stack.`,
  );
  const loadAtStart = loadavg()[0]!;
  if (loadAtStart > cores / 2) {
    console.warn(`warning: load average ${fmt(loadAtStart, 2)} on ${cores} CPUs before starting`);
  }
  const stack = await startTestStack();
  try {
    const { admin } = await adminClient(stack);
    const runId = `import-${startedAt.getTime().toString(36)}`;
    if (config.warmupRows > 0) {
      process.stdout.write(`warm-up: ${config.warmupRows} rows… `);
      stack.userPoolQuotas.reset();
      const warm = await importOnce(
        admin,
        await importFile(`${runId}-warmup`, config.warmupRows),
        BATCH_CONCURRENCY,
      );
      console.log(`${fmt(warm.wallSeconds, 2)} s`);
    }

    console.log('Configurations:');
    const runs: Array<Awaited<ReturnType<typeof runConfiguration>>> = [];
    for (const [index, configuration] of CONFIGURATIONS.entries()) {
      runs.push(await runConfiguration(stack, admin, configuration, `${runId}-${index}`));
    }

    const baseline = runs[0]!;
    const withRatios = runs.map((run) => ({
      ...run,
      againstC1: {
        speedup: run.rowsPerSecond / baseline.rowsPerSecond,
        timeRatio: run.wallSeconds / baseline.wallSeconds,
      },
    }));
    const calls = (run: (typeof runs)[number], route: string) =>
      `${fmt(run.routes[route]?.calls ?? 0)} / ${fmt(run.routes[route]?.throttled ?? 0)}`;
    console.log('');
    console.log(
      table([
        [
          'configuration',
          'wall s',
          'rows/s',
          '× c1',
          'row p50 ms',
          'row max ms',
          'invited',
          'exists',
          'failed',
          'waits',
          'rows waited',
          'invite calls / 429',
          'group adds / 429',
          'quota floor s',
        ],
        ...withRatios.map((run) => [
          run.name,
          fmt(run.wallSeconds, 1),
          fmt(run.rowsPerSecond, 1),
          fmt(run.againstC1.speedup, 2),
          fmt(run.rowMs.p50),
          fmt(run.rowMs.max),
          fmt(run.results.invited),
          fmt(run.results.exists),
          fmt(
            run.results.refused + run.results.incomplete + run.results.notSent + run.results.left,
          ),
          fmt(run.throttleWaits),
          fmt(run.rowsThatWaited),
          calls(run, 'inviteUser'),
          calls(run, 'addUserToGroup'),
          `${fmt(run.quotaFloor.seconds, 1)} (${run.quotaFloor.binding})`,
        ]),
      ]),
    );
    console.log('');
    console.log(
      `× c1: rows/s against the one-at-a-time baseline of this run. waits: runBatch's onWait, an invitation answered 429 (nothing done) and sent again after 1, 2, 4… s; rows waited: rows with at least one. group adds: addUserToGroup calls inviteRow made for a group Cognito throttled during the invitation (each waited out). failed counts refused, incomplete (a group missing) and not sent. quota floor: the least time the quotas allow for the file's calls, and the category that sets it.`,
    );

    const failures = withRatios.flatMap((run) => [
      ...(run.results.invited !== run.rows
        ? [
            `${run.name}: ${run.results.invited} of ${run.rows} rows invited in all their groups (${JSON.stringify(run.results)}; ${JSON.stringify(run.failures)})`,
          ]
        : []),
      ...(run.usersInPool !== run.rows
        ? [
            `${run.name}: the pool holds ${run.usersInPool} users under ${run.prefix}, not ${run.rows}`,
          ]
        : []),
    ]);
    const throttledRun = withRatios.find((run) => Object.keys(run.quotas).length);
    if (throttledRun && throttledRun.throttleWaits === 0) {
      console.warn(`note: ${throttledRun.name} was never throttled, so it shows no backoff`);
    }
    const record = {
      startedAt: startedAt.toISOString(),
      machine: machine(loadAtStart),
      note: 'runBatch and inviteRow as the SPA runs them, through the product’s signing fetch, against a fresh local stack in the same process; every configuration starts with the quotas given and every bucket full.',
      config: { ...config, batchConcurrency: BATCH_CONCURRENCY },
      runs: withRatios,
      failures,
    };
    return await recordCheckedRun('import', startedAt, record);
  } finally {
    await stack.stop();
  }
}

runBench(main);
