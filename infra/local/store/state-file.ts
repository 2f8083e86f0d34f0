import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { z } from 'zod';

export class CorruptStateError extends Error {}

/**
 * One service's state as a JSON file under the state directory. Writes go to a temporary file
 * renamed over the old one, so a crash mid-write never leaves half a file behind.
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
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(state, null, 1));
    renameSync(temporary, this.path);
  }
}
