import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { NothingTyped, PromptCancelled, readPassword, readTotpCode } from './prompt';
import { UsageError } from './usage';

/** A terminal: stdin that can go raw, stderr that records what was shown. */
function terminal(isTTY = true) {
  const stdin = Object.assign(new PassThrough(), {
    isTTY,
    setRawMode: () => stdin,
  }) as unknown as NodeJS.ReadStream & PassThrough;
  const stderr = new PassThrough();
  let shown = '';
  stderr.on('data', (chunk: Buffer) => (shown += chunk.toString()));
  return { stdin, stderr, shown: () => shown };
}

describe('the authenticator code', () => {
  it('is read from $COGNITO_TOTP_CODE without asking, spaces dropped', async () => {
    const io = terminal();
    expect(await readTotpCode({ env: { COGNITO_TOTP_CODE: '123 456' }, ...io })).toBe('123456');
    expect(io.shown()).toBe('');
  });

  it('is asked for at a terminal, without echo', async () => {
    const io = terminal();
    const code = readTotpCode({ env: {}, ...io });
    io.stdin.write('654321\r');
    expect(await code).toBe('654321');
    expect(io.shown()).toBe('Code from your authenticator app: \n');
  });

  it('cannot be asked for without a terminal: a usage error naming the variable', async () => {
    await expect(readTotpCode({ env: {}, ...terminal(false) })).rejects.toEqual(
      new UsageError('no terminal to ask for the authenticator code: set COGNITO_TOTP_CODE'),
    );
  });

  it('is cancelled by Ctrl-C, and missing when the input ends first', async () => {
    const cancelled = terminal();
    const code = readTotpCode({ env: {}, ...cancelled });
    cancelled.stdin.write('12\u0003');
    await expect(code).rejects.toBeInstanceOf(PromptCancelled);

    const ended = terminal();
    const none = readTotpCode({ env: {}, ...ended });
    ended.stdin.end();
    await expect(none).rejects.toEqual(new NothingTyped('authenticator code'));
  });
});

describe('the password', () => {
  it('is read from $COGNITO_PASSWORD, else typed with backspace honoured', async () => {
    expect(
      await readPassword('a@example.com', { env: { COGNITO_PASSWORD: 'pw' }, ...terminal() }),
    ).toBe('pw');
    const io = terminal();
    const password = readPassword('a@example.com', { env: {}, ...io });
    io.stdin.write('secrex\u007ft\n');
    expect(await password).toBe('secret');
    expect(io.shown()).toBe('Password for a@example.com: \n');
  });
});
