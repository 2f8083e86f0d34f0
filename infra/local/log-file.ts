import { appendFileSync } from 'node:fs';

/**
 * Copies everything the stack writes to stdout and stderr (its functions' output included:
 * worker threads write through the main thread's streams) into `file`, so a test run can
 * check afterwards what the logs held.
 */
export function copyOutputTo(file: string): void {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      appendFileSync(file, typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array));
      return write(chunk, ...rest);
    }) as typeof stream.write;
  }
}
