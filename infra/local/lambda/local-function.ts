import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** What a handler threw, as Lambda reports a function error. */
export class FunctionError extends Error {
  constructor(
    readonly functionName: string,
    readonly errorType: string,
    message: string,
    readonly trace: string | undefined,
  ) {
    super(message);
  }
}

export class FunctionTimeoutError extends Error {}

interface Reply {
  id: string;
  result?: unknown;
  error?: { errorType: string; errorMessage: string; trace?: string };
}

/* The runtime inside the worker: load the bundle, run one event per message. */
const RUNTIME = `
const { parentPort, workerData } = require('node:worker_threads');
const loading = import(workerData.bundleUrl);
parentPort.on('message', async ({ id, event, context }) => {
  try {
    const module = await loading;
    const lambdaContext = {
      ...context,
      getRemainingTimeInMillis: () => Math.max(0, context.deadline - Date.now()),
    };
    parentPort.postMessage({ id, result: await module.handler(event, lambdaContext) });
  } catch (error) {
    parentPort.postMessage({
      id,
      error: {
        errorType: (error && error.name) || 'Error',
        errorMessage: String((error && error.message) || error),
        trace: error && error.stack,
      },
    });
  }
});
`;

/** The execution role's temporary credentials, as Lambda puts them in the environment. */
export interface RoleCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiresAt: number;
}

export interface LocalFunctionOptions {
  name: string;
  bundlePath: string;
  /** The function's whole environment, as Lambda would set it; nothing else leaks in. */
  environment: Record<string, string>;
  timeoutMs: number;
  /** Fresh credentials of the function's execution role, for each new instance. */
  roleCredentials: () => RoleCredentials;
  now: () => number;
}

/**
 * An instance whose credentials end within this is replaced before its next invocation, as
 * Lambda retires its environments well before their session ends.
 */
const CREDENTIALS_MARGIN_MS = 5 * 60 * 1000;

/**
 * A Lambda function run locally: its bundle loaded in a worker thread with its own
 * environment (so handler code reads endpoints and table names exactly as in Lambda), one
 * instance reused across invocations like a warm container, replaced if it crashes.
 */
export class LocalFunction {
  private worker: Worker | undefined;
  private workerCredentialsExpireAt = 0;
  /** Replaced instances still finishing what they run. */
  private readonly retired = new Set<Worker>();
  private readonly pending = new Map<
    string,
    { resolve: (r: Reply) => void; reject: (e: Error) => void; worker: Worker }
  >();

  constructor(private readonly options: LocalFunctionOptions) {}

  get name(): string {
    return this.options.name;
  }

  async invoke(event: unknown, requestId: string = randomUUID()): Promise<unknown> {
    const worker = this.ensureWorker();
    const deadline = Date.now() + this.options.timeoutMs;
    const context = {
      awsRequestId: requestId,
      functionName: this.options.name,
      functionVersion: '$LATEST',
      memoryLimitInMB: '256',
      deadline,
    };
    const reply = await new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(
          new FunctionTimeoutError(
            `${this.options.name} timed out after ${this.options.timeoutMs} ms`,
          ),
        );
      }, this.options.timeoutMs);
      this.pending.set(requestId, {
        worker,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      worker.postMessage({ id: requestId, event, context });
    });
    if (reply.error) {
      throw new FunctionError(
        this.options.name,
        reply.error.errorType,
        reply.error.errorMessage,
        reply.error.trace,
      );
    }
    return reply.result;
  }

  /** Lets an instance finish what it is running (at most the timeout), then ends it. */
  private retire(worker: Worker | undefined): void {
    if (!worker) return;
    this.worker = undefined;
    this.retired.add(worker);
    setTimeout(() => {
      this.retired.delete(worker);
      void worker.terminate();
    }, this.options.timeoutMs).unref();
  }

  async close(): Promise<void> {
    const workers = [this.worker, ...this.retired];
    this.worker = undefined;
    this.retired.clear();
    await Promise.all(workers.map((worker) => worker?.terminate()));
  }

  private ensureWorker(): Worker {
    if (
      this.worker &&
      this.workerCredentialsExpireAt - this.options.now() > CREDENTIALS_MARGIN_MS
    ) {
      return this.worker;
    }
    this.retire(this.worker);
    const credentials = this.options.roleCredentials();
    this.workerCredentialsExpireAt = credentials.expiresAt;
    const worker = new Worker(RUNTIME, {
      eval: true,
      env: {
        ...this.options.environment,
        AWS_ACCESS_KEY_ID: credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
        AWS_SESSION_TOKEN: credentials.sessionToken,
      },
      workerData: { bundleUrl: pathToFileURL(this.options.bundlePath).href },
    });
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      waiting?.resolve(reply);
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const [id, waiting] of this.pending) {
        if (waiting.worker !== worker) continue;
        this.pending.delete(id);
        waiting.reject(error);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`${this.options.name} exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }
}
