/**
 * Admin API under load (`npm run bench:load`): 50 concurrent signed clients against a read
 * route and the announcement write route, with every write accounted for.
 *
 * Starts a fresh local stack, signs in an administrator with an authenticator app through the
 * user pool and identity pool, and drives the admin API with autocannon from a worker thread
 * (the gateway, the AWS edge and dynalite run on this process's main thread, each Lambda
 * function in a worker):
 *
 * - `read`: `GET /admin/users?limit=20&n=i` (listUsers: gateway, SigV4, Lambda, Cognito);
 * - `write`: `POST /admin/announcements` with a distinct title each (gateway, SigV4, Lambda,
 *   Cognito for the actor, DynamoDB: the pending audit entry, the announcement, the
 *   settlement).
 *
 * Every request is signed individually, with its own query or body, before its run, so
 * client-side signing is not part of the measurement. The pool is sized for the faster of
 * BENCH_MIN_RATE and 2.5 × the warm-up's best second (the write pool at least as large as the
 * reads sent: a write does all a read does and more); autocannon stops at the pool's end
 * rather than send a signature twice, and the bench then fails, saying so.
 * Afterwards the write run is audited from DynamoDB: every announcement the API answered 201
 * for must be stored (zero lost writes), and each stored one must have a settled audit entry.
 *
 * Environment: BENCH_CONNECTIONS (50), BENCH_DURATION seconds per run (20), BENCH_WARMUP
 * seconds (3), BENCH_MIN_RATE requests/s the pools are sized for at least (3000). Exits 1 on
 * any non-2xx answer, error or timeout, a lost write, an unsettled audit entry, or a pool
 * that ran out before the run's end.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, QueryCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { Hash } from '@smithy/core/serde';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import autocannon from 'autocannon';
import { localTableNames } from '../infra/local/dynamodb/dynalite';
import type { TemporaryCredentials } from '../infra/local/testing/callers';
import { createMfaAdmin } from '../infra/local/testing/mfa-admin';
import { AUTOMATION_ROLE_ARN, automationSession } from '../infra/local/testing/automation-role';
import { startTestStack, type TestStack } from '../infra/local/testing/test-stack';
import { MAX_QUOTA_RPS } from '../infra/local/user-pool/request-quotas';
import {
  autocannonFigures,
  envInt,
  fmt,
  machine,
  recordCheckedRun,
  runBench,
  table,
} from './results';

const config = {
  connections: envInt('BENCH_CONNECTIONS', 50, 1),
  durationSeconds: envInt('BENCH_DURATION', 20, 1),
  warmupSeconds: envInt('BENCH_WARMUP', 3, 1),
  minRate: envInt('BENCH_MIN_RATE', 3000, 1),
};
/** Signatures are valid for 5 minutes: every pre-signed request must be sent well inside. */
const MAX_RUN_SECONDS = 240;
if (config.durationSeconds > MAX_RUN_SECONDS) {
  throw new Error(`BENCH_DURATION must stay under ${MAX_RUN_SECONDS} s (SigV4's 5-minute window)`);
}
/** Headroom over the warm-up's best second: its first seconds are slow (JIT, connections). */
const POOL_HEADROOM = 2.5;
const LIST_USERS_PATH = '/admin/users';
const ANNOUNCEMENTS_PATH = '/admin/announcements';
const hook = (file: string) => fileURLToPath(new URL(`./load/${file}`, import.meta.url));

interface PresignedPool {
  method: 'GET' | 'POST';
  /** The same for every request: host, content type, session token. */
  headers: Record<string, string>;
  requests: Array<{ path: string; headers: Record<string, string>; body?: string }>;
}

interface RunResult {
  name: string;
  description: string;
  requestsPerSecond: { mean: number; stddev: number; min: number; max: number };
  /** Requests answered in the measured time; `sent` includes those still in flight. */
  totalRequests: number;
  sent: number;
  pool: number;
  presignUsPerRequest: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

/**
 * `count` requests signed as the console's SDK signs them (@smithy/signature-v4; node's
 * SHA-256 here, as the client's own speed is not what is measured), each distinct.
 */
async function presign(
  stack: TestStack,
  credentials: Omit<TemporaryCredentials, 'expiration'>,
  method: 'GET' | 'POST',
  count: number,
  nth: (i: number) => { path: string; query?: Record<string, string>; body?: string },
): Promise<{ pool: PresignedPool; usPerRequest: number }> {
  const base = new URL(stack.apiUrls.admin);
  const signer = new SignatureV4({
    credentials,
    region: stack.runtimeConfig.region,
    service: 'execute-api',
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: true,
  });
  const common = {
    host: base.host,
    'x-amz-security-token': credentials.sessionToken,
    ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
  };
  const requests: PresignedPool['requests'] = [];
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const { path, query = {}, body } = nth(i);
    const fullPath = `${base.pathname}${path}`;
    const signed = await signer.sign(
      new HttpRequest({
        method,
        protocol: base.protocol,
        hostname: base.hostname,
        port: Number(base.port),
        path: fullPath,
        query,
        headers: { ...common },
        body,
      }),
    );
    const search = new URLSearchParams(query).toString();
    requests.push({
      path: search ? `${fullPath}?${search}` : fullPath,
      // What the signature added (date, payload hash, Authorization); the rest is common.
      headers: Object.fromEntries(
        Object.entries(signed.headers)
          .filter(([name]) => !(name in common))
          .map(([name, value]) => [name, String(value)]),
      ),
      body,
    });
  }
  const usPerRequest = ((performance.now() - start) * 1000) / count;
  return { pool: { method, headers: common, requests }, usPerRequest };
}

async function cannon(
  stack: TestStack,
  pool: PresignedPool,
  seconds: number,
  onResponse?: string,
): Promise<autocannon.Result> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-load-'));
  try {
    const file = join(dir, 'requests.json');
    writeFileSync(file, JSON.stringify(pool));
    // autocannon's worker thread takes a copy of the environment when it starts.
    process.env.BENCH_PRESIGNED_REQUESTS = file;
    return await autocannon({
      url: new URL(stack.apiUrls.admin).origin,
      connections: config.connections,
      duration: seconds,
      // Each pre-signed request once: past the pool's end the run stops instead.
      maxOverallRequests: pool.requests.length,
      // One worker thread: the server under test runs on this process's main thread.
      workers: 1,
      requests: [
        {
          setupRequest: hook('presigned-request.cjs'),
          ...(onResponse ? { onResponse } : {}),
        } as autocannon.Request,
      ],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function summarize(
  name: string,
  description: string,
  result: autocannon.Result,
  pool: number,
  presignUsPerRequest: number,
): RunResult {
  return {
    name,
    description,
    ...autocannonFigures(result),
    sent: result.requests.sent,
    pool,
    presignUsPerRequest,
  };
}

/**
 * Warm-up (which also measures the rate the pool is sized from), then the measured run with a
 * pool of its own, so no signature is ever sent twice.
 */
async function run(
  stack: TestStack,
  credentials: Omit<TemporaryCredentials, 'expiration'>,
  name: string,
  description: string,
  method: 'GET' | 'POST',
  nth: (
    phase: string,
    i: number,
  ) => { path: string; query?: Record<string, string>; body?: string },
  { onResponse, poolAtLeast = 0 }: { onResponse?: string; poolAtLeast?: number } = {},
): Promise<RunResult> {
  process.stdout.write(`  ${name}: warm-up ${config.warmupSeconds} s… `);
  const warmPool = await presign(
    stack,
    credentials,
    method,
    config.minRate * config.warmupSeconds,
    (i) => nth('warm-up', i),
  );
  const warm = await cannon(stack, warmPool.pool, config.warmupSeconds);
  const rate = Math.max(config.minRate, POOL_HEADROOM * warm.requests.max);
  const poolSize = Math.max(poolAtLeast, Math.ceil(rate * config.durationSeconds));
  process.stdout.write(`signing ${fmt(poolSize)} requests… `);
  const measured = await presign(stack, credentials, method, poolSize, (i) => nth('measured', i));
  process.stdout.write(`measuring ${config.durationSeconds} s… `);
  const result = await cannon(stack, measured.pool, config.durationSeconds, onResponse);
  const summary = summarize(name, description, result, poolSize, measured.usPerRequest);
  console.log(`${fmt(summary.requestsPerSecond.mean)} req/s`);
  return summary;
}

/** Every item of a partition whose `field` begins with `prefix`, straight from DynamoDB. */
async function queryAll(
  dynamo: DynamoDBClient,
  tableName: string,
  partition: string,
  field: string,
  prefix: string,
): Promise<Array<Record<string, AttributeValue>>> {
  const items: Array<Record<string, AttributeValue>> = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await dynamo.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: 'begins_with(#field, :prefix)',
        ExpressionAttributeNames: { '#field': field },
        ExpressionAttributeValues: { ':pk': { S: partition }, ':prefix': { S: prefix } },
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** The write run's books: acknowledged against stored, stored against the audit log. */
async function auditWrites(stack: TestStack, acknowledgedFile: string, titlePrefix: string) {
  const dynamo = new DynamoDBClient({
    endpoint: stack.dynamoDbUrl,
    region: stack.runtimeConfig.region,
    // The local account administrator's key: DynamoDB verifies who signed, as in AWS.
    credentials: stack.operator,
  });
  try {
    const tables = localTableNames();
    const acknowledged = new Set(
      readFileSync(acknowledgedFile, 'utf8').split('\n').filter(Boolean),
    );
    const stored = new Set(
      (await queryAll(dynamo, tables.announcements, 'ANNOUNCEMENT', 'title', titlePrefix)).map(
        (item) => item.id!.S!,
      ),
    );
    const audit = await queryAll(dynamo, tables.audit, 'AUDIT', 'target', titlePrefix);
    const outcomes = audit.reduce<Record<string, number>>((counts, item) => {
      const outcome = item.outcome!.S!;
      counts[outcome] = (counts[outcome] ?? 0) + 1;
      return counts;
    }, {});
    return {
      acknowledged: acknowledged.size,
      stored: stored.size,
      /** Answered 201 but not stored: must be zero. */
      lost: [...acknowledged].filter((id) => !stored.has(id)).length,
      /** Stored but not answered within the run (in flight when it stopped). */
      storedUnacknowledged: [...stored].filter((id) => !acknowledged.has(id)).length,
      auditSuccess: outcomes.success ?? 0,
      auditPending: outcomes.pending ?? 0,
      auditFailure: outcomes.failure ?? 0,
    };
  } finally {
    dynamo.destroy();
  }
}

/**
 * autocannon stops at its deadline with requests still in flight, which the server finishes
 * after: the books are read once two readings a quarter-second apart agree.
 */
async function auditWhenSettled(stack: TestStack, acknowledgedFile: string, titlePrefix: string) {
  let previous = await auditWrites(stack, acknowledgedFile, titlePrefix);
  for (let reading = 0; reading < 40; reading++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const current = await auditWrites(stack, acknowledgedFile, titlePrefix);
    if (JSON.stringify(current) === JSON.stringify(previous)) return current;
    previous = current;
  }
  return previous;
}

async function main(): Promise<number> {
  const startedAt = new Date();
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const cores = cpus().length;
  console.log(
    `Admin API load: ${config.connections} signed clients, ${config.durationSeconds} s per route (+${config.warmupSeconds} s warm-up), ${cores} CPUs, Node ${process.version}`,
  );
  console.log(
    `Note: on ${cores} CPU${cores === 1 ? '' : 's'} the load generator (1 worker thread), the gateway, AWS edge and dynalite (main thread) and the Lambda functions (worker threads) share the cores: the figures compare runs on this machine, they are not a capacity. Requests are signed before each run, so signing is not measured.`,
  );
  const loadAtStart = loadavg()[0]!;
  if (loadAtStart > cores / 2) {
    console.warn(`warning: load average ${fmt(loadAtStart, 2)} on ${cores} CPUs before starting`);
  }
  const stack = await startTestStack(
    undefined,
    {},
    {
      adminApiAutomationRoles: [AUTOMATION_ROLE_ARN],
    },
  );
  // The local pool throttles at Cognito's default quotas, which this load exceeds many times
  // over (each read is a ListUsers, an AdminGetUser per listed user and the membership check's
  // AdminListGroupsForUser and AdminGetUser). What is measured is the stack's own throughput,
  // so the categories it uses are raised, as an account would ask Service Quotas (Cognito
  // raises UserRead and UserResourceRead on request; UserList is not adjustable there).
  stack.userPoolQuotas.set({
    UserRead: MAX_QUOTA_RPS,
    UserResourceRead: MAX_QUOTA_RPS,
    UserList: MAX_QUOTA_RPS,
  });
  const ackDir = mkdtempSync(join(tmpdir(), 'bench-load-acks-'));
  try {
    // The admin API answers only administrators with an authenticator app.
    const { caller: admin } = await createMfaAdmin(stack);
    const runId = startedAt.toISOString();
    const acknowledgedFile = join(ackDir, 'acknowledged.txt');
    writeFileSync(acknowledgedFile, '');
    process.env.BENCH_ACKNOWLEDGED_WRITES = acknowledgedFile;

    console.log('Runs:');
    const read = await run(
      stack,
      admin.credentials,
      'read',
      `GET /local${LIST_USERS_PATH}?limit=20: listUsers through the admin Lambda and Cognito`,
      'GET',
      (phase, i) => ({ path: LIST_USERS_PATH, query: { limit: '20', n: `${phase}-${i}` } }),
    );
    // The same read by a caller that is no Cognito user (an automation role the API's resource
    // policy names): the admin function has no membership to check, so the difference from
    // `read` is what checking the caller's groups before every route costs.
    const readUnchecked = await run(
      stack,
      automationSession(stack, ['listUsers']),
      'read-unchecked',
      `GET /local${LIST_USERS_PATH}?limit=20 by an automation role: no membership check`,
      'GET',
      (phase, i) => ({ path: LIST_USERS_PATH, query: { limit: '20', n: `${phase}-${i}` } }),
    );
    const titlePrefix = `load ${runId} measured `;
    const write = await run(
      stack,
      admin.credentials,
      'write',
      `POST /local${ANNOUNCEMENTS_PATH}: audited announcement (DynamoDB: pending entry, item, settlement)`,
      'POST',
      (phase, i) => ({
        path: ANNOUNCEMENTS_PATH,
        body: JSON.stringify({ title: `load ${runId} ${phase} #${i}`, body: `Load test ${i}.` }),
      }),
      // A write does all a read does and more: the reads sent bound the writes' pool too.
      { onResponse: hook('acknowledged-write.cjs'), poolAtLeast: read.sent },
    );
    const writes = await auditWhenSettled(stack, acknowledgedFile, titlePrefix);

    console.log('');
    console.log(
      table([
        [
          'route',
          'req/s mean',
          '±stddev',
          'requests',
          'p50 ms',
          'p99 ms',
          'max ms',
          'non-2xx',
          'errors',
        ],
        ...[read, readUnchecked, write].map((r) => [
          r.name,
          fmt(r.requestsPerSecond.mean),
          fmt(r.requestsPerSecond.stddev),
          fmt(r.totalRequests),
          fmt(r.latencyMs.p50),
          fmt(r.latencyMs.p99),
          fmt(r.latencyMs.max),
          fmt(r.non2xx),
          fmt(r.errors + r.timeouts),
        ]),
      ]),
    );
    console.log('');
    console.log(
      `writes: ${fmt(writes.acknowledged)} answered 201, ${fmt(writes.stored)} stored, ${fmt(writes.lost)} lost, ${fmt(writes.storedUnacknowledged)} stored while still in flight at the end; audit: ${fmt(writes.auditSuccess)} success, ${fmt(writes.auditPending)} pending, ${fmt(writes.auditFailure)} failure`,
    );
    console.log(
      `signing before each run: ${fmt(read.presignUsPerRequest, 1)} µs/request (read), ${fmt(write.presignUsPerRequest, 1)} µs/request (write); pools ${fmt(read.pool)} and ${fmt(write.pool)} for ${fmt(read.sent)} and ${fmt(write.sent)} requests sent`,
    );

    const membershipCheck = {
      throughputRatio: read.requestsPerSecond.mean / readUnchecked.requestsPerSecond.mean,
      p50LatencyAddedMs: read.latencyMs.p50 - readUnchecked.latencyMs.p50,
      p99LatencyAddedMs: read.latencyMs.p99 - readUnchecked.latencyMs.p99,
      cognitoCallsPerRead: { checked: 2, unchecked: 1 },
    };
    console.log(
      `membership check (AdminListGroupsForUser and AdminGetUser, together, before every route): read/read-unchecked throughput ${fmt(membershipCheck.throughputRatio, 3)} → it costs ${fmt((1 - membershipCheck.throughputRatio) * 100, 1)}% of read throughput; p50 +${fmt(membershipCheck.p50LatencyAddedMs)} ms, p99 +${fmt(membershipCheck.p99LatencyAddedMs)} ms; Cognito calls per read: the check's 2 plus the route's own (ListUsers, and an AdminGetUser per user listed for the MFA column)`,
    );

    const failures = [
      ...[read, readUnchecked, write].flatMap((r) => [
        ...(r.non2xx || r.errors || r.timeouts
          ? [
              `${r.name}: ${r.non2xx} non-2xx (${JSON.stringify(r.statusCodes)}), ${r.errors} errors, ${r.timeouts} timeouts`,
            ]
          : []),
        ...(r.sent >= r.pool
          ? [
              `${r.name}: the ${r.pool} pre-signed requests ran out before the run's end (raise BENCH_MIN_RATE)`,
            ]
          : []),
      ]),
      ...(writes.lost ? [`${writes.lost} writes answered 201 are not stored`] : []),
      ...(writes.auditSuccess !== writes.stored || writes.auditPending || writes.auditFailure
        ? [`audit entries (${JSON.stringify(writes)}) do not settle every stored write as success`]
        : []),
    ];
    const record = {
      startedAt: startedAt.toISOString(),
      machine: machine(loadAtStart),
      note: 'The load generator, the local stack and the Lambda worker threads share the machine’s cores; requests were signed before each run.',
      config: { ...config, autocannonWorkers: 1, poolHeadroom: POOL_HEADROOM },
      runs: [read, readUnchecked, write],
      membershipCheck,
      writes,
      failures,
    };
    return await recordCheckedRun('admin-api-load', startedAt, record);
  } finally {
    rmSync(ackDir, { recursive: true, force: true });
    await stack.stop();
  }
}

runBench(main);
