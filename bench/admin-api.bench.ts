/**
 * Admin API throughput with and without SigV4 verification (`npm run bench`).
 *
 * Starts a fresh local stack, signs in the seeded admin, and drives the admin REST API with
 * autocannon (in a worker thread, so the load generator does not share the server's event
 * loop) in three scenarios:
 *
 * - `signed`: `GET /local/admin/whoami`, AWS_IAM authorised, from a pool of pre-signed
 *   requests (`?n=i` makes each distinct; SigV4 accepts a replay within its 5-minute window,
 *   so signing is done before the run and costs the server nothing).
 * - `preflight`: the same server's unauthenticated route, the CORS preflight
 *   `OPTIONS /local/admin/whoami`. Same listener, same routing, but no Lambda invocation, so
 *   signed/preflight overstates what verification costs: an upper bound.
 * - `no-verify`: the same signed requests to a second `createRestApiServer` in this process
 *   built exactly as the stack builds the admin API (same admin Lambda bundle in its own
 *   worker) except that its `IamAuthorizer.authorize` returns the caller without checking
 *   anything. The only difference from `signed` is verification, so the goal is judged on
 *   signed/no-verify.
 *
 * It also times `IamAuthorizer.authorize` in-process (what each signed request costs the
 * gateway's event loop) and, for context, two client-side signers.
 *
 * Environment: BENCH_CONNECTIONS (50), BENCH_DURATION seconds (10), BENCH_WARMUP seconds (2),
 * BENCH_POOL pre-signed requests (1000), BENCH_SIGN_N signatures per signer (1000).
 * Exits 1 if any signed request is not answered 2xx, or a baseline is not clean.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import autocannon from 'autocannon';
import { AwsV4Signer } from 'aws4fetch';
import { localTableNames } from '../infra/local/dynamodb/dynalite';
import type { IncomingRequest } from '../infra/local/gateway/incoming';
import { IamAuthorizer } from '../infra/local/gateway/iam-authorizer';
import { createRestApiServer } from '../infra/local/gateway/rest-api-server';
import { verifySigV4 } from '../infra/local/gateway/sigv4-verifier';
import type { IssuedCredentials } from '../infra/local/iam/credentials';
import { evaluate } from '../infra/local/iam/policy-evaluator';
import { startFunctions, type LocalFunctions } from '../infra/local/lambda/functions';
import { close as closeServer } from '../infra/local/net';
import { LOCAL_STAGE, OPS_TOKEN_SECRET_NAME } from '../infra/local/stack';
import { signIn, signRequest, SEEDED_ADMIN } from '../infra/local/testing/callers';
import { freePort, startTestStack, type TestStack } from '../infra/local/testing/test-stack';
import { groupRolePolicy } from '../src/contract';

const GOAL_MAX_COST = 0.25;
const ROUTE = '/admin/whoami';
/** Pre-signed requests must all be sent well inside SigV4's 5-minute window. */
const MAX_SIGNED_RUN_SECONDS = 240;

function envInt(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number ≥ ${min}, got '${raw}'`);
  }
  return value;
}

const config = {
  connections: envInt('BENCH_CONNECTIONS', 50, 1),
  durationSeconds: envInt('BENCH_DURATION', 10, 1),
  warmupSeconds: envInt('BENCH_WARMUP', 2, 0),
  poolSize: envInt('BENCH_POOL', 1000, 1),
  signN: envInt('BENCH_SIGN_N', 1000, 0),
};
if (config.warmupSeconds + config.durationSeconds > MAX_SIGNED_RUN_SECONDS) {
  throw new Error(
    `BENCH_WARMUP + BENCH_DURATION must stay under ${MAX_SIGNED_RUN_SECONDS} s: the pre-signed requests expire after 5 minutes`,
  );
}

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken: string };
type PresignedRequest = { method: 'GET'; path: string; headers: Record<string, string> };

interface ScenarioResult {
  name: string;
  description: string;
  url: string;
  requestsPerSecond: { mean: number; stddev: number; min: number; max: number };
  /** Completed requests / measured seconds (independent of autocannon's 1 s sampling). */
  completedPerSecond: number;
  totalRequests: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

/** `count` distinct signed GETs of `url?n=i`, signed now as the browser's SDK signs them. */
async function presign(
  url: string,
  credentials: Credentials,
  count: number,
): Promise<PresignedRequest[]> {
  const base = new URL(url);
  const pool: PresignedRequest[] = [];
  for (let i = 0; i < count; i++) {
    const signed = await signRequest(`${url}?n=${i}`, credentials);
    pool.push({ method: 'GET', path: `${base.pathname}?n=${i}`, headers: signed.headers });
  }
  return pool;
}

async function cannon(
  url: string,
  requests: autocannon.Request[],
  seconds: number,
): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: config.connections,
    duration: seconds,
    // One worker thread: the server under test runs on this process's main thread.
    workers: 1,
    requests,
  });
}

async function runScenario(
  name: string,
  description: string,
  url: string,
  makeRequests: () => Promise<autocannon.Request[]>,
): Promise<ScenarioResult> {
  process.stdout.write(`  ${name}: `);
  if (config.warmupSeconds > 0) {
    process.stdout.write(`warm-up ${config.warmupSeconds} s… `);
    const warm = await cannon(url, await makeRequests(), config.warmupSeconds);
    if (warm.non2xx || warm.errors) {
      process.stdout.write(`(warm-up: ${warm.non2xx} non-2xx, ${warm.errors} errors) `);
    }
  }
  process.stdout.write(`measuring ${config.durationSeconds} s… `);
  const requests = await makeRequests();
  const result = await cannon(url, requests, config.durationSeconds);
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]),
  );
  const measured: ScenarioResult = {
    name,
    description,
    url,
    requestsPerSecond: {
      mean: result.requests.mean,
      stddev: result.requests.stddev,
      min: result.requests.min,
      max: result.requests.max,
    },
    completedPerSecond: result.requests.total / result.duration,
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
    statusCodes,
  };
  console.log(`${Math.round(measured.requestsPerSecond.mean)} req/s`);
  return measured;
}

/**
 * A second admin API built as `startLocalStack` builds it (same contract routes, same admin
 * Lambda bundle and environment), whose authoriser accepts every request as `caller`.
 */
async function startNoVerifyServer(
  stack: TestStack,
  caller: IssuedCredentials,
): Promise<{ url: string; close(): Promise<void> }> {
  class NoVerifyAuthorizer extends IamAuthorizer {
    override async authorize(): Promise<IssuedCredentials> {
      return caller;
    }
  }
  const functions: LocalFunctions = await startFunctions({
    region: stack.runtimeConfig.region,
    userPoolId: stack.userPool.id,
    tableNames: localTableNames(),
    allowedOrigins: stack.allowedOrigins,
    opsTokenSecretId: OPS_TOKEN_SECRET_NAME,
    opsAllowedCidrs: stack.settings.opsAllowedCidrs,
    endpoints: {
      dynamoDb: stack.dynamoDbUrl,
      cognitoIdentityProvider: stack.edgeUrl,
      secretsManager: stack.edgeUrl,
    },
  });
  const server: Server = createRestApiServer({
    api: 'admin',
    stage: stack.adminStage,
    authorizer: {
      type: 'AWS_IAM',
      iam: new NoVerifyAuthorizer({
        stage: stack.adminStage,
        now: stack.clock.now,
        findCredentials: () => undefined,
      }),
    },
    function: functions.admin,
    allowedOrigins: stack.allowedOrigins,
    now: stack.clock.now,
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, stack.settings.host, () => resolve());
  });
  return {
    url: `http://${stack.settings.host}:${port}/${LOCAL_STAGE}`,
    close: async () => {
      await closeServer(server);
      await functions.close();
    },
  };
}

/** Mean microseconds per call of `fn` over `inputs`, after one untimed pass. */
async function timePerCall<T>(inputs: T[], fn: (input: T) => unknown): Promise<number> {
  for (const input of inputs) await fn(input);
  const start = performance.now();
  for (const input of inputs) await fn(input);
  return ((performance.now() - start) * 1000) / inputs.length;
}

/** What `IamAuthorizer.authorize` costs per request on the gateway's event loop. */
async function timeAuthorizer(stack: TestStack, pool: PresignedRequest[]) {
  const iam = new IamAuthorizer({
    stage: stack.adminStage,
    now: stack.clock.now,
    findCredentials: (key) => stack.credentials.find(key),
  });
  const incoming: IncomingRequest[] = pool.map((request) => ({
    method: request.method,
    rawPath: request.path.slice(0, request.path.indexOf('?')),
    rawQuery: request.path.slice(request.path.indexOf('?') + 1),
    headers: Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]),
    ),
    body: Buffer.alloc(0),
    sourceIp: '127.0.0.1',
  }));
  const verifierOptions = {
    region: stack.adminStage.region,
    service: 'execute-api',
    now: stack.clock.now,
    findCredentials: (key: string) => stack.credentials.find(key),
  };
  const { region, accountId, apiId, stage } = stack.adminStage;
  const resource = `arn:aws:execute-api:${region}:${accountId}:${apiId}/${stage}/GET${ROUTE}`;
  const policies = [groupRolePolicy('admin', stack.adminStage)];
  const evaluateUs = await timePerCall(incoming, () => {
    if (evaluate(policies, 'execute-api:Invoke', resource) !== 'Allow') {
      throw new Error('the admin role policy does not allow whoami');
    }
  });
  return {
    requests: incoming.length,
    authorizeUs: await timePerCall(incoming, (request) => iam.authorize(request, ROUTE)),
    verifySigV4Us: await timePerCall(incoming, (request) => verifySigV4(request, verifierOptions)),
    evaluateUs,
  };
}

/** Client-side signing cost of the two signers the console's peers use (context only). */
async function timeSigners(stack: TestStack, credentials: Credentials, count: number) {
  const url = `${stack.apiUrls.admin}${ROUTE}`;
  const target = new URL(url);
  const region = stack.runtimeConfig.region;
  const indexes = Array.from({ length: count }, (_, i) => i);
  const smithy = new SignatureV4({
    credentials,
    region,
    service: 'execute-api',
    sha256: Sha256,
    uriEscapePath: true,
  });
  const smithyUs = await timePerCall(indexes, (i) =>
    smithy.sign(
      new HttpRequest({
        method: 'GET',
        protocol: target.protocol,
        hostname: target.hostname,
        port: Number(target.port),
        path: target.pathname,
        query: { n: String(i) },
        headers: { host: target.host },
      }),
    ),
  );
  const aws4fetchSign = (i: number) =>
    new AwsV4Signer({
      url: `${url}?n=${i}`,
      method: 'GET',
      ...credentials,
      service: 'execute-api',
      region,
    }).sign();
  const aws4fetchUs = await timePerCall(indexes, aws4fetchSign);

  // The gateway must accept what aws4fetch signs, or the comparison is moot.
  const signed = await aws4fetchSign(count);
  const response = await fetch(signed.url, { method: signed.method, headers: signed.headers });
  await response.arrayBuffer();
  return {
    signatures: count,
    smithySignatureV4Us: smithyUs,
    aws4fetchAwsV4SignerUs: aws4fetchUs,
    aws4fetchAccepted: response.ok,
  };
}

const fmt = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (ratio: number) => `${fmt(ratio * 100, 1)}%`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  const line = (row: string[]) =>
    row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!)));
  const [head, ...body] = rows;
  return [
    line(head!).join('  '),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map((row) => line(row).join('  ')),
  ].join('\n');
}

function compare(signed: ScenarioResult, baseline: ScenarioResult) {
  const ratio = signed.requestsPerSecond.mean / baseline.requestsPerSecond.mean;
  return {
    baseline: baseline.name,
    throughputRatio: ratio,
    verificationCost: 1 - ratio,
    p99LatencyAddedMs: signed.latencyMs.p99 - baseline.latencyMs.p99,
    underGoal: 1 - ratio < GOAL_MAX_COST,
  };
}

async function main(): Promise<number> {
  const startedAt = new Date();
  console.log(
    `Admin API bench: ${config.connections} connections, ${config.durationSeconds} s per scenario (+${config.warmupSeconds} s warm-up), ${config.poolSize} pre-signed requests, ${cpus().length} CPUs, Node ${process.version}`,
  );
  const stack = await startTestStack();
  let noVerify: Awaited<ReturnType<typeof startNoVerifyServer>> | undefined;
  try {
    const admin = await signIn(stack, SEEDED_ADMIN);
    const credentials: Credentials = admin.credentials;
    const caller = stack.credentials.find(credentials.accessKeyId);
    if (!caller) throw new Error('the signed-in admin has no issued credentials');
    noVerify = await startNoVerifyServer(stack, caller);

    const signedUrl = `${stack.apiUrls.admin}${ROUTE}`;
    const noVerifyUrl = `${noVerify.url}${ROUTE}`;
    const origin = stack.allowedOrigins[0]!;
    const signedPool = () => presign(signedUrl, credentials, config.poolSize);

    console.log('Scenarios:');
    const preflight = await runScenario(
      'preflight',
      `OPTIONS ${ROUTE} with Origin on the same server: no auth, no Lambda invocation`,
      signedUrl,
      async () => [
        {
          method: 'OPTIONS',
          path: new URL(signedUrl).pathname,
          headers: { origin, 'access-control-request-method': 'GET' },
        },
      ],
    );
    const signed = await runScenario(
      'signed',
      `GET ${ROUTE}, AWS_IAM (SigV4 verified, role policy evaluated), admin Lambda`,
      signedUrl,
      signedPool,
    );
    const noVerifyResult = await runScenario(
      'no-verify',
      `GET ${ROUTE}, same signed requests, sibling server whose authorizer skips verification, admin Lambda`,
      noVerifyUrl,
      // The sibling's host differs, but nothing checks the signature there.
      signedPool,
    );

    console.log('In-process timings:');
    const authorizer = await timeAuthorizer(stack, await signedPool());
    const signers = config.signN > 0 ? await timeSigners(stack, credentials, config.signN) : null;

    const scenarios = [signed, noVerifyResult, preflight];
    const rows = [
      ['scenario', 'req/s mean', '±stddev', 'p50 ms', 'p99 ms', 'max ms', 'non-2xx', 'errors'],
      ...scenarios.map((s) => [
        s.name,
        fmt(s.requestsPerSecond.mean),
        fmt(s.requestsPerSecond.stddev),
        fmt(s.latencyMs.p50, 1),
        fmt(s.latencyMs.p99, 1),
        fmt(s.latencyMs.max),
        fmt(s.non2xx),
        fmt(s.errors),
      ]),
    ];
    const vsNoVerify = compare(signed, noVerifyResult);
    const vsPreflight = compare(signed, preflight);
    // If the gateway's event loop is what saturates, this is the share of it spent verifying.
    const loopShare = (authorizer.authorizeUs * signed.requestsPerSecond.mean) / 1e6;

    console.log('');
    console.log(table(rows));
    console.log('');
    console.log(
      `signed / no-verify : ratio ${fmt(vsNoVerify.throughputRatio, 3)}, verification cost ${pct(vsNoVerify.verificationCost)} of throughput, p99 +${fmt(vsNoVerify.p99LatencyAddedMs, 1)} ms → ${vsNoVerify.underGoal ? 'UNDER' : 'OVER'} the ${pct(GOAL_MAX_COST)} goal`,
    );
    console.log(
      `signed / preflight : ratio ${fmt(vsPreflight.throughputRatio, 3)}, cost ${pct(vsPreflight.verificationCost)} (upper bound: the preflight skips the Lambda invocation too)`,
    );
    console.log(
      `authorize() in-process: ${fmt(authorizer.authorizeUs, 1)} µs/request (verifySigV4 ${fmt(authorizer.verifySigV4Us, 1)} µs, policy evaluate ${fmt(authorizer.evaluateUs, 1)} µs) → ~${pct(loopShare)} of the event loop at the signed rate`,
    );
    if (signers) {
      console.log(
        `client signers (${signers.signatures} signatures): @smithy/signature-v4 + sha256-js ${fmt(signers.smithySignatureV4Us, 1)} µs each, aws4fetch AwsV4Signer ${fmt(signers.aws4fetchAwsV4SignerUs, 1)} µs each; gateway accepts aws4fetch: ${signers.aws4fetchAccepted ? 'yes' : 'NO'}`,
      );
    }

    const failures = [
      ...(signed.non2xx || signed.errors || signed.timeouts
        ? [
            `signed: ${signed.non2xx} non-2xx (${JSON.stringify(signed.statusCodes)}), ${signed.errors} errors, ${signed.timeouts} timeouts: every signed request must pass auth`,
          ]
        : []),
      ...[noVerifyResult, preflight]
        .filter((s) => s.non2xx || s.errors || s.timeouts)
        .map(
          (s) =>
            `${s.name} baseline: ${s.non2xx} non-2xx (${JSON.stringify(s.statusCodes)}), ${s.errors} errors, ${s.timeouts} timeouts`,
        ),
      ...(signers && !signers.aws4fetchAccepted ? ['the gateway refused aws4fetch'] : []),
    ];

    const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
    mkdirSync(resultsDir, { recursive: true });
    const file = `${resultsDir}admin-api-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`;
    writeFileSync(
      file,
      `${JSON.stringify(
        {
          startedAt: startedAt.toISOString(),
          machine: {
            cpus: cpus().length,
            cpuModel: cpus()[0]?.model ?? 'unknown',
            memoryGiB: Math.round(totalmem() / 2 ** 30),
            node: process.version,
            platform: process.platform,
          },
          config: { ...config, autocannonWorkers: 1, route: `GET ${ROUTE}` },
          goal: { maxVerificationCost: GOAL_MAX_COST },
          scenarios,
          comparisons: { vsNoVerify, vsPreflight },
          inProcess: { ...authorizer, eventLoopShareAtSignedRate: loopShare },
          signers,
          failures,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`\nresults: ${file}`);
    for (const failure of failures) console.error(`FAIL ${failure}`);
    return failures.length ? 1 : 0;
  } finally {
    await noVerify?.close();
    await stack.stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
