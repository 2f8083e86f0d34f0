import {
  chmodSync,
  closeSync,
  fchmodSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { z } from 'zod';

export class CorruptStateError extends Error {}

/** State holds signing keys, issued secrets and the ops token: readable by its owner only. */
const PRIVATE_FILE = 0o600;
const PRIVATE_DIRECTORY = 0o700;

/** Takes group and other permissions off `path` (its owner's own; another's is left alone). */
function makePrivate(path: string, mode: number): void {
  const stat = statSync(path);
  if ((stat.mode & 0o777) === mode) return;
  if (process.getuid && stat.uid !== process.getuid()) return;
  chmodSync(path, mode);
}

/**
 * Writes `text` to `path` for its owner only: the directory 0700, the file 0600 from before its
 * first byte (a temporary file renamed over the old one, so a crash never leaves half a file
 * and a looser old file is replaced), whatever the umask.
 */
export function writePrivateFile(path: string, text: string): void {
  const directory = dirname(path);
  mkdirSync(directory, { recursive: true, mode: PRIVATE_DIRECTORY });
  makePrivate(directory, PRIVATE_DIRECTORY);
  const temporary = `${path}.${process.pid}.tmp`;
  // `mode` applies only to a new file (and through the umask): fchmod covers a leftover one.
  const fd = openSync(temporary, 'w', PRIVATE_FILE);
  try {
    fchmodSync(fd, PRIVATE_FILE);
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

/**
 * One service's state as a JSON file under the state directory, private to its owner
 * (`writePrivateFile`); a file left readable by others by an older version is tightened as
 * soon as it is read.
 */
export class StateFile<T> {
  constructor(
    readonly path: string,
    private readonly schema: z.ZodType<T>,
  ) {}

  /** The stored state, or `undefined` when there is none yet. */
  load(): T | undefined {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    makePrivate(this.path, PRIVATE_FILE);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new CorruptStateError(
        `State file ${this.path} is corrupt (${(error as Error).message}); move it away or delete it to start fresh.`,
      );
    }
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CorruptStateError(
        `State file ${this.path} is corrupt (${issue?.path.join('.') || 'root'}: ${issue?.message}); move it away or delete it to start fresh.`,
      );
    }
    return parsed.data;
  }

  save(state: T): void {
    writePrivateFile(this.path, JSON.stringify(state, null, 1));
  }
}
