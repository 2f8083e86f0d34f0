import type { Server } from 'node:http';
import { PORTS, type PortName } from './settings';

export class PortInUseError extends Error {}

/** Listens, turning EADDRINUSE into a sentence that names the port and its variable. */
export function listen(server: Server, name: PortName, port: number, host: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') {
        reject(
          new PortInUseError(
            `Port ${port} (${PORTS[name].label}) is already in use: stop whatever holds it or set ${PORTS[name].env}.`,
          ),
        );
      } else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolvePromise();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Listens on a port the OS picks at bind time and returns it: no window in which another
 * process can take it, as there is between asking for a free port and listening on it.
 */
export async function listenOnAnyPort(
  server: Server,
  name: PortName,
  host: string,
): Promise<number> {
  await listen(server, name, 0, host);
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error(`${name} has no TCP address`);
  return address.port;
}

export function close(server: Server): Promise<void> {
  return new Promise((resolvePromise) => {
    server.close(() => resolvePromise());
    server.closeAllConnections();
  });
}

/** Listens on a Unix socket (a service only the stack itself reaches). */
export function listenOnSocket(server: Server, path: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
}
