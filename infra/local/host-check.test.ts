import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOwnHost, refuseForeignHost } from './host-check';
import { close } from './net';

const local = { address: '127.0.0.1', port: 4567 };

describe('isOwnHost', () => {
  it.each(['127.0.0.1:4567', 'localhost:4567', 'LocalHost:4567', '[::1]:4567'])(
    'accepts %s, a loopback name with the server’s port',
    (host) => expect(isOwnHost(host, local)).toBe(true),
  );

  it('accepts the literal address the connection came in on (LOCAL_HOST on a LAN address)', () => {
    expect(isOwnHost('192.168.1.5:4567', { address: '192.168.1.5', port: 4567 })).toBe(true);
    expect(isOwnHost('127.0.0.1:4567', { address: '::ffff:127.0.0.1', port: 4567 })).toBe(true);
    expect(isOwnHost('[fe80::1]:4567', { address: 'fe80::1', port: 4567 })).toBe(true);
  });

  it.each([
    ['a rebound name', 'evil.example:4567'],
    ['a name that resolves to loopback', '127.0.0.1.nip.io:4567'],
    ['a subdomain of localhost', 'evil.localhost:4567'],
    ['localhost with a trailing dot', 'localhost.:4567'],
    ['another port', '127.0.0.1:4568'],
    ['no port (80)', 'localhost'],
    ['another address', '10.0.0.1:4567'],
    ['two ports', 'localhost:4567:4567'],
    ['nothing', ''],
  ])('refuses %s (%s)', (_, host) => expect(isOwnHost(host, local)).toBe(false));

  it('refuses a missing Host', () => expect(isOwnHost(undefined, local)).toBe(false));
});

describe('refuseForeignHost on a server', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (refuseForeignHost(req, res)) return;
      res.end('served');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => close(server));

  /** A request to the server with `Host` (or several) exactly as given. */
  const send = (host: string) =>
    new Promise<{ status: number; type: string | undefined; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/', headers: { host } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }),
        );
      });
      req.on('error', reject);
      req.end();
    });

  it('serves its own loopback Host', async () => {
    expect(await send(`127.0.0.1:${port}`)).toMatchObject({ status: 200, body: 'served' });
    expect(await send(`localhost:${port}`)).toMatchObject({ status: 200, body: 'served' });
  });

  it('refuses another name with 403 and says why', async () => {
    const answer = await send(`rebound.example:${port}`);
    expect(answer.status).toBe(403);
    expect(answer.type).toBe('application/json');
    expect(JSON.parse(answer.body)).toEqual({
      message: `Host "rebound.example:${port}" is not this server's own address: the local stack answers only to 127.0.0.1:${port}, localhost:${port} or [::1]:${port}, so that no web page can reach it by DNS rebinding.`,
    });
  });

  it('refuses a request that sends Host twice, even if one is its own', async () => {
    // node:http sends one Host only, so this one is written by hand.
    const head = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () =>
        socket.end(
          `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nHost: rebound.example:${port}\r\nConnection: close\r\n\r\n`,
        ),
      );
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(head).toMatch(/^HTTP\/1\.1 403 /);
  });
});
