import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GROUP_NAMES, GROUPS } from '@contract';
import { StateFile } from '../store/state-file';
import { UserPool } from './model';
import { Outbox } from './outbox';
import { userPoolStateSchema } from './state';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'contract-groups-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const statePath = () => join(dir, 'user-pool.json');
const open = () =>
  UserPool.open({
    file: new StateFile(statePath(), userPoolStateSchema),
    outbox: new Outbox(new StateFile(join(dir, 'outbox.json'), Outbox.schema), Date.now),
    edgeUrl: 'http://127.0.0.1:4566',
    region: 'ap-northeast-1',
    accountId: '000000000000',
    now: Date.now,
  });

describe("the local pool's groups follow the contract", () => {
  it('has every group of the contract, with its precedence and role', async () => {
    const pool = await open();
    expect(pool.listGroups(60).items.map((g) => [g.name, g.precedence, g.roleArn])).toEqual(
      [...GROUP_NAMES]
        .sort()
        .map((name) => [
          name,
          GROUPS[name].precedence,
          `arn:aws:iam::000000000000:role/${GROUPS[name].roleName}`,
        ]),
    );
  });

  it('creates a group the contract gained since its state was saved, as a deploy would', async () => {
    (await open()).ensureSeedUser('ada@example.com', 'Right-Passw0rd!', ['general']);
    // A state file from before the helpdesk group existed.
    const saved = JSON.parse(readFileSync(statePath(), 'utf8')) as {
      groups: Record<string, unknown>;
    };
    delete saved.groups.helpdesk;
    writeFileSync(statePath(), JSON.stringify(saved));

    const pool = await open();
    expect(pool.requireGroup('helpdesk').precedence).toBe(GROUPS.helpdesk.precedence);
    expect(pool.groupsOf(pool.requireUser('ada@example.com')).map((g) => g.name)).toEqual([
      'general',
    ]);
  });
});
