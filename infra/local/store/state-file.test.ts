import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type * as nodeFs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { StateFile } from './state-file';

/** The mode of each file as it is renamed into place. */
const renamed = vi.hoisted(() => ({ modes: [] as number[] }));
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof nodeFs>();
  return {
    ...actual,
    renameSync: (from: string, to: string) => {
      renamed.modes.push(actual.statSync(from).mode & 0o777);
      actual.renameSync(from, to);
    },
  };
});

const modeOf = (path: string) => statSync(path).mode & 0o777;
const schema = z.object({ secret: z.string() });

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'state-file-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('a state file (keys, issued secrets, the ops token)', () => {
  it('is written 0600 in a directory made 0700, whatever the umask', () => {
    const previous = process.umask(0o022);
    try {
      const file = new StateFile(join(root, 'state', 'secrets.json'), schema);
      file.save({ secret: 's3cr3t' });
      expect(modeOf(join(root, 'state', 'secrets.json'))).toBe(0o600);
      expect(modeOf(join(root, 'state'))).toBe(0o700);
      expect(file.load()).toEqual({ secret: 's3cr3t' });
    } finally {
      process.umask(previous);
    }
  });

  it('is private already as the temporary file, before it is renamed into place', () => {
    const path = join(root, 'secrets.json');
    // A temporary file left by a crash, readable by all: it must not keep that mode.
    writeFileSync(`${path}.${process.pid}.tmp`, 'old', { mode: 0o644 });
    chmodSync(`${path}.${process.pid}.tmp`, 0o644);
    renamed.modes.length = 0;
    new StateFile(path, schema).save({ secret: 's3cr3t' });
    expect(renamed.modes).toEqual([0o600]);
  });

  it('tightens a file and a directory an older version left readable by others', () => {
    const dir = join(root, 'state');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const path = join(dir, 'credentials.json');
    writeFileSync(path, JSON.stringify({ secret: 'old' }));
    chmodSync(path, 0o644);

    const file = new StateFile(path, schema);
    expect(file.load()).toEqual({ secret: 'old' });
    expect(modeOf(path)).toBe(0o600);

    chmodSync(path, 0o644);
    file.save({ secret: 'new' });
    expect(modeOf(path)).toBe(0o600);
    expect(modeOf(dir)).toBe(0o700);
  });
});
