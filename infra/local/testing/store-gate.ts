import { createServer, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How the gate treats a request: passed to DynamoDB; the connection dropped (as when the store
 * goes down); accepted and never answered (as when it hangs or a network drops packets); or
 * passed to DynamoDB, which applies it, with its answer lost on the way back (as when a
 * connection breaks after the write).
 */
export type GateMode = 'open' | 'drop' | 'silent' | 'lose-answer';

export interface StoreGate {
  /** Where DynamoDB's front reaches the gate, instead of dynalite. */
  endpoint: { host: string; port: number };
  /** From now on, every request. */
  set(mode: GateMode): void;
  /** Treats the next requests as `modes` say, one each, then the rest as `then`. */
  next(modes: GateMode[], then?: GateMode): void;
  close(): Promise<void>;
}

/**
 * A fault-injecting HTTP proxy between DynamoDB's verifying front and dynalite (on its socket),
 * for tests: the functions' calls are verified as always, and the handlers run unchanged while
 * the store fails under them, request by request.
 */
export async function startStoreGate(dynaliteSocketPath: string): Promise<StoreGate> {
  let mode: GateMode = 'open';
  let scripted: GateMode[] = [];
  const held = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    const current = scripted.shift() ?? mode;
    if (current === 'drop') return req.socket.destroy();
    if (current === 'silent') {
      held.add(res);
      res.on('close', () => held.delete(res));
      return;
    }
    const forwarded = request(
      { socketPath: dynaliteSocketPath, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        if (current === 'lose-answer') {
          answer.resume().on('end', () => req.socket.destroy());
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: { host: '127.0.0.1', port },
    set(next) {
      mode = next;
      scripted = [];
    },
    next(modes, then = mode) {
      scripted = [...modes];
      mode = then;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
