import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { close, listen, listenOnAnyPort, PortInUseError } from '../net';
import { retryOnTakenPort } from './test-stack';

describe('a test stack whose port was taken before it could listen', () => {
  it('starts again, and answers what the start that found its ports free answers', async () => {
    let starts = 0;
    const started = await retryOnTakenPort(async () => {
      starts++;
      if (starts < 3) throw new PortInUseError('Port 40000 (AWS edge) is already in use');
      return 'running';
    });
    expect({ started, starts }).toEqual({ started: 'running', starts: 3 });
  });

  it('gives up after five tries with the last refusal', async () => {
    let starts = 0;
    const start = retryOnTakenPort(async () => {
      starts++;
      throw new PortInUseError(`try ${starts}`);
    });
    await expect(start).rejects.toThrow('try 5');
    expect(starts).toBe(5);
  });

  it('does not start again on any other failure', async () => {
    let starts = 0;
    const start = retryOnTakenPort(async () => {
      starts++;
      throw new Error('State file is corrupt');
    });
    await expect(start).rejects.toThrow('State file is corrupt');
    expect(starts).toBe(1);
  });
});

describe('a server listening on any port', () => {
  it('is told the port it holds, which another server is then refused', async () => {
    const first = createServer();
    const second = createServer();
    const port = await listenOnAnyPort(first, 'edge', '127.0.0.1');
    try {
      await expect(listen(second, 'edge', port, '127.0.0.1')).rejects.toThrow(PortInUseError);
    } finally {
      await close(first);
    }
  });
});
