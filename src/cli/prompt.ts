import { UsageError } from './usage';

/** The person cancelled a prompt (Ctrl-C): exit 130, as shells do. */
export class PromptCancelled extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'PromptCancelled';
  }
}

/** Nothing was typed before the input ended (Ctrl-D on an empty line, or a closed stdin). */
export class NothingTyped extends Error {
  constructor(what: string) {
    super(`No ${what} was typed.`);
    this.name = 'NothingTyped';
  }
}

export interface PromptIo {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WritableStream;
}

/** The password: $COGNITO_PASSWORD, or typed at the terminal without echo. */
export function readPassword(email: string, io: PromptIo): Promise<string> {
  return readSecret(io, {
    variable: 'COGNITO_PASSWORD',
    what: 'password',
    question: `Password for ${email}: `,
  });
}

/**
 * The six-digit code of the authenticator app, when Cognito asks for it: $COGNITO_TOTP_CODE
 * (for a job that computes it), or typed at the terminal without echo (a code is one-time, but
 * nobody behind the person needs to see it either).
 */
export async function readTotpCode(io: PromptIo): Promise<string> {
  const code = await readSecret(io, {
    variable: 'COGNITO_TOTP_CODE',
    what: 'authenticator code',
    question: 'Code from your authenticator app: ',
  });
  // Apps show it as "123 456"; Cognito wants the six digits.
  return code.replace(/\s+/g, '');
}

/** A value from the environment, else typed at a terminal; never echoed, never logged. */
async function readSecret(
  io: PromptIo,
  { variable, what, question }: { variable: string; what: string; question: string },
): Promise<string> {
  const given = io.env[variable];
  if (given) return given;
  if (!io.stdin.isTTY) throw new UsageError(`no terminal to ask for the ${what}: set ${variable}`);
  io.stderr.write(question);
  return typedWithoutEcho(io.stdin, io.stderr, what);
}

async function typedWithoutEcho(
  stdin: NodeJS.ReadStream,
  stderr: NodeJS.WritableStream,
  what: string,
): Promise<string> {
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const done = (finish: () => void) => {
        stdin.off('data', onData);
        stdin.off('end', onEnd);
        stdin.off('error', onError);
        finish();
      };
      const onEnd = () => done(() => reject(new NothingTyped(what)));
      const onError = (error: Error) => done(() => reject(error));
      const onData = (chunk: string) => {
        // Escape sequences (arrow keys and the like) are not part of what is typed.
        // eslint-disable-next-line no-control-regex -- matching terminal escapes is the point
        for (const char of chunk.replace(/\u001b\[[0-9;]*[A-Za-z~]|\u001b./g, '')) {
          if (char === '\r' || char === '\n' || char === '\u0004') {
            done(() => resolve(typed));
            return;
          }
          if (char === '\u0003') {
            done(() => reject(new PromptCancelled()));
            return;
          }
          if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
          else if (char >= ' ') typed += char;
        }
      };
      stdin.on('data', onData);
      stdin.once('end', onEnd);
      stdin.once('error', onError);
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    stderr.write('\n');
  }
}
