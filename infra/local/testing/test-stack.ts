import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { PortInUseError } from '../net';
import { readSettings, type LocalSettings } from '../settings';
import { startLocalStack, type LocalStack, type StackOptions } from '../stack';
import { startStoreGate, type StoreGate } from './store-gate';

/**
 * `count` distinct ports the OS says are free: all are held open until every one is known, as
 * a port closed and asked for again may come straight back (two services on one port).
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => {
    const address = server.address();
    return typeof address === 'object' && address ? address.port : 0;
  });
  await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
  return ports;
}

/**
 * Starts again on fresh ports when one was taken between being found free and being listened
 * on: the stack's six ports come from the range the OS also gives other test workers' servers
 * and every outgoing connection, so under a parallel run one is now and then taken (a CI run
 * failed on it). A failed start closes whatever it had opened, so the next try starts clean.
 */
export async function retryOnTakenPort<T>(start: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      if (!(error instanceof PortInUseError) || attempt >= attempts) throw error;
    }
  }
}

/** A clock tests can move forward, to reach expiry without waiting for it. */
export class TestClock {
  offsetMs = 0;
  private frozenAt: number | undefined;
  now = () => this.frozenAt ?? Date.now() + this.offsetMs;
  advance(ms: number) {
    this.offsetMs += ms;
    if (this.frozenAt !== undefined) this.frozenAt += ms;
  }
  /** Stops the clock where it is, so only `advance` moves it (durations down to the millisecond). */
  freeze() {
    this.frozenAt = this.now();
  }
  /** Lets it run again from real time plus the offset: never backwards. */
  thaw() {
    this.frozenAt = undefined;
  }
  /** Runs `check` with the clock `ms` ahead, and puts it back even if `check` fails. */
  async during(ms: number, check: () => Promise<unknown>): Promise<void> {
    this.advance(ms);
    try {
      await check();
    } finally {
      this.advance(-ms);
    }
  }
}

export interface TestStack extends LocalStack {
  clock: TestClock;
  /** Between DynamoDB's front and dynalite when asked for (`storeGate: true`), to make it fail. */
  storeGate: StoreGate | undefined;
  idp: CognitoIdentityProviderClient;
  identity: CognitoIdentityClient;
  stop(): Promise<void>;
}

/** Settings for a stack in `stateDir` on free ports. */
export async function testSettings(
  stateDir: string,
  env: Record<string, string> = {},
): Promise<LocalSettings> {
  const [edge, spa, adminApi, generalApi, opsApi, dynamoDb] = (await freePorts(6)).map(String);
  return readSettings({
    ...env,
    LOCAL_STATE_DIR: stateDir,
    LOCAL_EDGE_PORT: edge!,
    LOCAL_SPA_PORT: spa!,
    LOCAL_ADMIN_API_PORT: adminApi!,
    LOCAL_GENERAL_API_PORT: generalApi!,
    LOCAL_OPS_API_PORT: opsApi!,
    LOCAL_DYNAMODB_PORT: dynamoDb!,
  });
}

export interface TestStackOptions extends StackOptions {
  /** Put a `StoreGate` between the functions and DynamoDB. */
  storeGate?: boolean;
}

/** A local stack with an empty state directory, and unmodified SDK clients pointed at it. */
export async function startTestStack(
  stateDir?: string,
  env: Record<string, string> = {},
  { storeGate: withGate, ...options }: TestStackOptions = {},
): Promise<TestStack> {
  const dir = stateDir ?? mkdtempSync(join(tmpdir(), 'console-test-'));
  const clock = new TestClock();
  let storeGate: StoreGate | undefined;
  const startOnFreePorts = async () => {
    storeGate = undefined;
    return startLocalStack(await testSettings(dir, env), clock.now, {
      ...options,
      storeUpstream: withGate
        ? async (socketPath) => (storeGate = await startStoreGate(socketPath)).endpoint
        : undefined,
    }).catch(async (error: unknown) => {
      await storeGate?.close();
      throw error;
    });
  };
  const stack = await retryOnTakenPort(startOnFreePorts);
  // The account administrator's key, as an operator signs admin operations against AWS.
  const clientConfig = {
    region: stack.runtimeConfig.region,
    endpoint: stack.edgeUrl,
    credentials: {
      accessKeyId: stack.operator.accessKeyId,
      secretAccessKey: stack.operator.secretAccessKey,
    },
  };
  const idp = new CognitoIdentityProviderClient(clientConfig);
  const identity = new CognitoIdentityClient(clientConfig);
  return {
    ...stack,
    clock,
    storeGate,
    idp,
    identity,
    stop: async () => {
      idp.destroy();
      identity.destroy();
      await stack.close();
      await storeGate?.close();
      if (!stateDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
