/**
 * Admin API throughput with and without SigV4 verification (`npm run bench:api`, part of `npm run bench`).
 *
 * Starts a fresh local stack, and next to its admin API a baseline server the bench builds
 * itself from the same pieces (`createRestApiServer` with the stack's stage, resource policy,
 * CORS origins and running admin Lambda) but an authoriser that admits every request as the
 * signing caller (`infra/local/testing/admit-everyone.ts`): the product's gateway has no way
 * to skip authorisation. Both servers run on this process's event loop and are driven with
 * autocannon (in a worker thread, so the load generator does not share that loop):
 *
 * - `signed`: `GET /local/admin/whoami` on the stack's admin API, AWS_IAM authorised, from a
 *   pool of pre-signed requests (`?n=i` makes each distinct; SigV4 accepts a replay within its
 *   5-minute window, so signing happens before the run and costs the server nothing).
 * - `unsigned`: the same request bytes (only `Host` names the baseline's port) to the baseline
 *   server, so the same routing, event (the same caller), Lambda invocation and response:
 *   everything except verification.
 * - `preflight` (BENCH_PREFLIGHT=1): the CORS preflight `OPTIONS /local/admin/whoami`, the
 *   gateway alone without a Lambda invocation, for context.
 *
 * Verification cost = 1 − signed/unsigned mean requests per second; the goal is under 25%.
 * It also times `IamAuthorizer.authorize` in-process (what each signed request costs the
 * gateway's event loop) and, for context, two client-side signers.
 *
 * Environment: BENCH_CONNECTIONS (50), BENCH_DURATION seconds (10), BENCH_WARMUP seconds (2),
 * BENCH_POOL pre-signed requests (100), BENCH_SIGN_N signatures per signer (1000, 0 skips),
 * BENCH_PREFLIGHT (0). Exits 1 if any signed request is not answered 2xx, or the baseline is
 * not clean; missing the goal is reported, not a failure.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import autocannon from 'autocannon';
import { AwsV4Signer } from 'aws4fetch';
import type { IncomingRequest } from '../infra/local/gateway/incoming';
import { IamAuthorizer } from '../infra/local/gateway/iam-authorizer';
import { createRestApiServer } from '../infra/local/gateway/rest-api-server';
import type { IssuedCredentials } from '../infra/local/iam/credentials';
import { close, listenOnAnyPort } from '../infra/local/net';
import { verifySigV4 } from '../infra/local/gateway/sigv4-verifier';
import { evaluate } from '../infra/local/iam/policy-evaluator';
import { localTableNames } from '../infra/local/dynamodb/dynalite';
import { LOCAL_STAGE } from '../infra/local/stack';
import { admitEveryoneAs } from '../infra/local/testing/admit-everyone';
import { AUTOMATION_ROLE_ARN, automationSession } from '../infra/local/testing/automation-role';
import { signRequest } from '../infra/local/testing/callers';
import { startTestStack, type TestStack } from '../infra/local/testing/test-stack';
import {
  autocannonFigures,
  envInt,
  fmt,
  machine,
  recordCheckedRun,
  runBench,
  table,
} from './results';

const GOAL_MAX_COST = 0.25;
const ROUTE = '/admin/whoami';
/** Pre-signed requests must all be sent well inside SigV4's 5-minute window. */
const MAX_SIGNED_RUN_SECONDS = 240;
/** Requests timed through `IamAuthorizer.authorize` in-process. */
const IN_PROCESS_REQUESTS = 1000;

const config = {
  connections: envInt('BENCH_CONNECTIONS', 50, 1),
  durationSeconds: envInt('BENCH_DURATION', 10, 1),
  warmupSeconds: envInt('BENCH_WARMUP', 2, 0),
  // autocannon builds every request for every connection before it starts: 50 × 1000 stalls
  // its first responses by ~0.4 s, which shows as max latency; 100 is distinct enough.
  poolSize: envInt('BENCH_POOL', 100, 1),
  signN: envInt('BENCH_SIGN_N', 1000, 0),
  preflight: envInt('BENCH_PREFLIGHT', 0, 0) > 0,
};
if (config.warmupSeconds + config.durationSeconds > MAX_SIGNED_RUN_SECONDS) {
  throw new Error(
    `BENCH_WARMUP + BENCH_DURATION must stay under ${MAX_SIGNED_RUN_SECONDS} s: the pre-signed requests expire after 5 minutes`,
  );
}

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken: string };
type Presigned = { method: 'GET'; path: string; headers: Record<string, string> };

interface ScenarioResult {
  name: string;
  description: string;
  url: string;
  /** autocannon's per-second samples. */
  requestsPerSecond: { mean: number; stddev: number; min: number; max: number };
  totalRequests: number;
  /** Whole milliseconds: autocannon's resolution. */
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

/**
 * `count` DynamoDB GetItem requests (distinct keys) signed now by the operator for `url`, as
 * the SDK signs them: the same bytes serve the verifying front and, as the baseline, dynalite.
 */
async function presignGetItems(stack: TestStack, url: string, count: number) {
  const target = new URL(url);
  const signer = new SignatureV4({
    credentials: stack.operator,
    region: stack.runtimeConfig.region,
    service: 'dynamodb',
    sha256: Sha256,
  });
  const pool: autocannon.Request[] = [];
  for (let i = 0; i < count; i++) {
    const body = JSON.stringify({
      TableName: localTableNames().profiles,
      Key: { username: { S: `bench-${i}` } },
    });
    const signed = await signer.sign(
      new HttpRequest({
        method: 'POST',
        protocol: target.protocol,
        hostname: target.hostname,
        port: Number(target.port),
        path: '/',
        headers: {
          host: target.host,
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'DynamoDB_20120810.GetItem',
        },
        body,
      }),
    );
    pool.push({ method: 'POST', path: '/', headers: signed.headers, body });
  }
  return pool;
}

/**
 * The unsigned baseline: an admin API server built from the stack's own pieces (stage,
 * resource policy, CORS origins, the same running admin Lambda), whose authoriser admits every
 * request as `caller`, on a port of its own. Routing, the event, the invocation and the answer
 * are the stack's code; only `IamAuthorizer.authorize` is left out.
 */
async function startBaselineServer(stack: TestStack, caller: IssuedCredentials) {
  const server = createRestApiServer({
    api: 'admin',
    stage: stack.adminStage,
    authorizer: { type: 'AWS_IAM', iam: admitEveryoneAs(caller) },
    resourcePolicy: stack.adminResourcePolicy,
    function: stack.functions.admin,
    allowedOrigins: stack.allowedOrigins,
    now: stack.clock.now,
  });
  const host = new URL(stack.apiUrls.admin).hostname;
  const port = await listenOnAnyPort(server, 'adminApi', host);
  return { url: `http://${host}:${port}/${LOCAL_STAGE}`, close: () => close(server) };
}

/** `count` distinct GETs of `url?n=i`, signed now as the console's SDK signs them. */
async function presign(url: string, credentials: Credentials, count: number) {
  const path = new URL(url).pathname;
  const pool: Presigned[] = [];
  for (let i = 0; i < count; i++) {
    const signed = await signRequest(`${url}?n=${i}`, credentials);
    pool.push({ method: 'GET', path: `${path}?n=${i}`, headers: signed.headers });
  }
  return pool;
}

function cannon(url: string, requests: autocannon.Request[], seconds: number, socketPath?: string) {
  return autocannon({
    url,
    ...(socketPath ? { socketPath } : {}),
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
  /** A Unix socket to send to instead of `url`'s host (whose Host header is still sent). */
  socketPath?: string,
): Promise<ScenarioResult> {
  process.stdout.write(`  ${name}: `);
  if (config.warmupSeconds > 0) {
    process.stdout.write(`warm-up ${config.warmupSeconds} s… `);
    const warm = await cannon(url, await makeRequests(), config.warmupSeconds, socketPath);
    if (warm.non2xx || warm.errors) {
      process.stdout.write(`(warm-up: ${warm.non2xx} non-2xx, ${warm.errors} errors) `);
    }
  }
  process.stdout.write(`measuring ${config.durationSeconds} s… `);
  // Signed afresh for each run, so every request is well inside the 5-minute window.
  const requests = await makeRequests();
  const result = await cannon(url, requests, config.durationSeconds, socketPath);
  const measured: ScenarioResult = {
    name,
    description,
    url,
    ...autocannonFigures(result),
  };
  console.log(`${fmt(measured.requestsPerSecond.mean)} req/s`);
  return measured;
}

/** Mean microseconds per call of `fn` over `inputs`, after one untimed pass. */
async function timePerCall<T>(inputs: T[], fn: (input: T) => unknown): Promise<number> {
  for (const input of inputs) await fn(input);
  const start = performance.now();
  for (const input of inputs) await fn(input);
  return ((performance.now() - start) * 1000) / inputs.length;
}

/** What `IamAuthorizer.authorize` costs per request on the gateway's event loop, and its parts. */
async function timeAuthorizer(stack: TestStack, pool: Presigned[]) {
  const findCredentials = (key: string) => stack.credentials.find(key);
  // As the stack's own: the local account's policies and the API's resource policy.
  const iam = new IamAuthorizer({
    stage: stack.adminStage,
    now: stack.clock.now,
    findCredentials,
    policiesOf: (arn) => stack.account.policiesOf(arn),
    resourcePolicy: stack.adminResourcePolicy,
  });
  const incoming: IncomingRequest[] = pool.map((request) => {
    const [rawPath = '', rawQuery = ''] = request.path.split('?');
    return {
      method: request.method,
      rawPath,
      rawQuery,
      headers: Object.fromEntries(
        Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]),
      ),
      body: Buffer.alloc(0),
      sourceIp: '127.0.0.1',
    };
  });
  const verifierOptions = {
    region: stack.adminStage.region,
    service: 'execute-api',
    now: stack.clock.now,
    findCredentials,
  };
  const { region, accountId, apiId, stage } = stack.adminStage;
  const resource = `arn:aws:execute-api:${region}:${accountId}:${apiId}/${stage}/GET${ROUTE}`;
  const policies = stack.account.policiesOf(AUTOMATION_ROLE_ARN);
  return {
    requests: incoming.length,
    authorizeUs: await timePerCall(incoming, (request) => iam.authorize(request, ROUTE)),
    verifySigV4Us: await timePerCall(incoming, (request) => verifySigV4(request, verifierOptions)),
    evaluateUs: await timePerCall(incoming, () => {
      if (evaluate(policies, 'execute-api:Invoke', resource) !== 'Allow') {
        throw new Error('the automation role policy does not allow whoami');
      }
    }),
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

  // The comparison only matters if the gateway accepts what aws4fetch signs.
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

const pct = (ratio: number) => `${fmt(ratio * 100, 1)}%`;

function problems(scenario: ScenarioResult): string | undefined {
  if (!scenario.non2xx && !scenario.errors && !scenario.timeouts) return undefined;
  return `${scenario.name}: ${scenario.non2xx} non-2xx (${JSON.stringify(scenario.statusCodes)}), ${scenario.errors} errors, ${scenario.timeouts} timeouts`;
}

async function main(): Promise<number> {
  const startedAt = new Date();
  // The test stack's SDK clients would warn that Node 20 support ends in 2027.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  console.log(
    `Admin API bench: ${config.connections} connections, ${config.durationSeconds} s per scenario (+${config.warmupSeconds} s warm-up), ${config.poolSize} pre-signed requests, ${cpus().length} CPUs, Node ${process.version}`,
  );
  const loadAtStart = loadavg()[0]!;
  if (loadAtStart > cpus().length / 2) {
    console.warn(
      `warning: load average ${fmt(loadAtStart, 2)} on ${cpus().length} CPUs before starting: other work will skew the figures`,
    );
  }
  const stack = await startTestStack(
    undefined,
    {},
    { adminApiAutomationRoles: [AUTOMATION_ROLE_ARN] },
  );
  let baseline: Awaited<ReturnType<typeof startBaselineServer>> | undefined;
  try {
    // An automation role, not a Cognito user: the admin function then checks no membership
    // (that costs a Cognito call, measured by bench:load), so signed and unsigned requests
    // differ in the gateway's verification alone. No request reaches the user pool, so its
    // request-rate quotas (at Cognito's defaults) are left as they are.
    const session = automationSession(stack, ['whoami']);
    const credentials: Credentials = session;
    // The baseline hands the function the caller verification would have found.
    baseline = await startBaselineServer(stack, session);
    const signedUrl = `${stack.apiUrls.admin}${ROUTE}`;
    const unsignedUrl = `${baseline.url}${ROUTE}`;
    const baselineHost = new URL(baseline.url).host;
    const signedPool = () => presign(signedUrl, credentials, config.poolSize);
    // The same bytes sent to the baseline: only `Host` differs, as the local servers check it.
    const unsignedPool = async () =>
      (await signedPool()).map((request) => ({
        ...request,
        headers: { ...request.headers, host: baselineHost },
      }));

    console.log('Scenarios:');
    const unsigned = await runScenario(
      'unsigned',
      `GET /${LOCAL_STAGE}${ROUTE} on a baseline server: same gateway code, request bytes and Lambda; authoriser admits all`,
      unsignedUrl,
      unsignedPool,
    );
    const signed = await runScenario(
      'signed',
      `GET /${LOCAL_STAGE}${ROUTE}: AWS_IAM (SigV4 verified, role policy evaluated), admin Lambda`,
      signedUrl,
      signedPool,
    );
    const preflight = config.preflight
      ? await runScenario(
          'preflight',
          `OPTIONS /${LOCAL_STAGE}${ROUTE} with an allowed Origin: no authorisation, no Lambda invocation`,
          signedUrl,
          async () => [
            {
              method: 'OPTIONS',
              path: new URL(signedUrl).pathname,
              headers: { origin: stack.allowedOrigins[0]!, 'access-control-request-method': 'GET' },
            },
          ],
        )
      : undefined;

    // DynamoDB: the functions' calls through the verifying front, against the same requests
    // sent straight to dynalite (which checks only that a signature is there).
    const dynamoDbVerified = await runScenario(
      'dynamodb-verified',
      'POST GetItem to the DynamoDB port: SigV4 verified, identity policy evaluated, then dynalite',
      stack.dynamoDbUrl,
      () => presignGetItems(stack, stack.dynamoDbUrl, config.poolSize),
    );
    const dynamoDbDirect = await runScenario(
      'dynamodb-direct',
      'the same GetItem bytes straight to dynalite on its socket: no verification, no proxy hop',
      stack.dynamoDbUrl,
      () => presignGetItems(stack, stack.dynamoDbUrl, config.poolSize),
      stack.dynaliteSocketPath,
    );
    const dynamoDbRatio =
      dynamoDbVerified.requestsPerSecond.mean / dynamoDbDirect.requestsPerSecond.mean;

    // If the gateway refused signed requests, timing its authoriser would only throw.
    const signedProblem = problems(signed);
    console.log(signedProblem ? 'In-process timings skipped.' : 'In-process timings…');
    const authorizer = signedProblem
      ? null
      : await timeAuthorizer(stack, await presign(signedUrl, credentials, IN_PROCESS_REQUESTS));
    const signers =
      config.signN > 0 && !signedProblem
        ? await timeSigners(stack, credentials, config.signN)
        : null;

    const scenarios = [
      signed,
      unsigned,
      ...(preflight ? [preflight] : []),
      dynamoDbVerified,
      dynamoDbDirect,
    ];
    const ratio = signed.requestsPerSecond.mean / unsigned.requestsPerSecond.mean;
    const comparison = {
      throughputRatio: ratio,
      verificationCost: 1 - ratio,
      p50LatencyAddedMs: signed.latencyMs.p50 - unsigned.latencyMs.p50,
      p99LatencyAddedMs: signed.latencyMs.p99 - unsigned.latencyMs.p99,
      goal: GOAL_MAX_COST,
      underGoal: !signedProblem && 1 - ratio < GOAL_MAX_COST,
    };
    // The gateway's event loop is what saturates: the share of it spent in authorize().
    const loopShare = authorizer
      ? (authorizer.authorizeUs * signed.requestsPerSecond.mean) / 1e6
      : null;

    console.log('');
    console.log(
      table([
        [
          'scenario',
          'req/s mean',
          '±stddev',
          'requests',
          'p50 ms',
          'p99 ms',
          'max ms',
          'non-2xx',
          'errors',
        ],
        ...scenarios.map((s) => [
          s.name,
          fmt(s.requestsPerSecond.mean),
          fmt(s.requestsPerSecond.stddev),
          fmt(s.totalRequests),
          fmt(s.latencyMs.p50),
          fmt(s.latencyMs.p99),
          fmt(s.latencyMs.max),
          fmt(s.non2xx),
          fmt(s.errors),
        ]),
      ]),
    );
    console.log('');
    console.log(
      `signed/unsigned throughput ${fmt(ratio, 3)} → verification costs ${pct(comparison.verificationCost)} of throughput (goal < ${pct(GOAL_MAX_COST)}: ${signedProblem ? 'not measured, signed requests failed' : comparison.underGoal ? 'MET' : 'NOT MET'}); p50 +${fmt(comparison.p50LatencyAddedMs)} ms, p99 +${fmt(comparison.p99LatencyAddedMs)} ms`,
    );
    console.log(
      `DynamoDB verified/direct throughput ${fmt(dynamoDbRatio, 3)} → the verifying front costs ${pct(1 - dynamoDbRatio)} of DynamoDB throughput; p50 +${fmt(dynamoDbVerified.latencyMs.p50 - dynamoDbDirect.latencyMs.p50)} ms, p99 +${fmt(dynamoDbVerified.latencyMs.p99 - dynamoDbDirect.latencyMs.p99)} ms`,
    );
    if (preflight) {
      console.log(
        `preflight skips the Lambda invocation: unsigned/preflight ${fmt(unsigned.requestsPerSecond.mean / preflight.requestsPerSecond.mean, 3)}`,
      );
    }
    if (authorizer && loopShare !== null) {
      console.log(
        `authorize() in-process: ${fmt(authorizer.authorizeUs, 1)} µs/request (verifySigV4 ${fmt(authorizer.verifySigV4Us, 1)} µs, policy evaluate ${fmt(authorizer.evaluateUs, 1)} µs) ≈ ${pct(loopShare)} of the event loop at the signed rate`,
      );
    }
    if (signers) {
      console.log(
        `client signers, ${signers.signatures} signatures: @smithy/signature-v4 + sha256-js ${fmt(signers.smithySignatureV4Us, 1)} µs each, aws4fetch AwsV4Signer ${fmt(signers.aws4fetchAwsV4SignerUs, 1)} µs each; gateway accepts aws4fetch: ${signers.aws4fetchAccepted ? 'yes' : 'NO'}`,
      );
    }

    const failures = [
      ...(signedProblem ? [`${signedProblem}: every signed request must pass auth`] : []),
      ...[unsigned, preflight, dynamoDbVerified, dynamoDbDirect].flatMap((s) => {
        const problem = s && problems(s);
        return problem ? [`baseline ${problem}`] : [];
      }),
      ...(signers && !signers.aws4fetchAccepted ? ['the gateway refused aws4fetch'] : []),
    ];

    const record = {
      startedAt: startedAt.toISOString(),
      machine: machine(loadAtStart),
      config: { ...config, autocannonWorkers: 1, route: `GET ${ROUTE}` },
      scenarios,
      comparison,
      dynamoDb: {
        throughputRatio: dynamoDbRatio,
        verificationCost: 1 - dynamoDbRatio,
        p50LatencyAddedMs: dynamoDbVerified.latencyMs.p50 - dynamoDbDirect.latencyMs.p50,
        p99LatencyAddedMs: dynamoDbVerified.latencyMs.p99 - dynamoDbDirect.latencyMs.p99,
      },
      inProcess: authorizer && { ...authorizer, eventLoopShareAtSignedRate: loopShare },
      signers,
      failures,
    };
    return await recordCheckedRun('admin-api', startedAt, record);
  } finally {
    await baseline?.close();
    await stack.stop();
  }
}

runBench(main);
