import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';

/** The names a loopback server answers to, whatever address it listens on. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

/** `::ffff:127.0.0.1` → `127.0.0.1`, `::1` → `[::1]`: an address as a `Host` header writes it. */
function asHostName(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  return isIP(address) === 6 ? `[${address}]` : address;
}

/**
 * Whether `host` (a `Host` header) names this server itself: a loopback name, or the literal
 * address the connection came in on (when `LOCAL_HOST` is a LAN address), with the port it came
 * in on. A page whose own name an attacker rebinds to 127.0.0.1 still sends that name, so a
 * browser can reach a local server only from a page this machine served it.
 */
export function isOwnHost(
  host: string | undefined,
  local: { address: string | undefined; port: number | undefined },
): boolean {
  if (!host || local.port === undefined) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host.trim().toLowerCase());
  if (!match) return false;
  const [, name, port = '80'] = match;
  const names: readonly string[] = local.address
    ? [...LOOPBACK_NAMES, asHostName(local.address)]
    : LOOPBACK_NAMES;
  return names.includes(name!) && Number(port) === local.port;
}

/**
 * Every local server's first step: a request whose `Host` is not the server's own (see
 * `isOwnHost`) is answered 403 with a sentence saying why, and `true` returned.
 */
export function refuseForeignHost(req: IncomingMessage, res: ServerResponse): boolean {
  const sent = req.headersDistinct.host ?? [];
  const local = { address: req.socket.localAddress, port: req.socket.localPort };
  if (sent.length === 1 && isOwnHost(sent[0], local)) return false;
  const port = local.port ?? '';
  const body = JSON.stringify({
    message: `Host ${JSON.stringify(sent.join(', '))} is not this server's own address: the local stack answers only to 127.0.0.1:${port}, localhost:${port} or [::1]:${port}, so that no web page can reach it by DNS rebinding.`,
  });
  res.writeHead(403, {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(body)),
  });
  res.end(body);
  return true;
}
