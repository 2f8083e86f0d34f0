import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  GetTokensFromRefreshTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, describe, expect, it } from 'vitest';
import { callAdmin } from './testing/callers';
import { createMfaAdmin } from './testing/mfa-admin';
import { srpSignIn } from './testing/srp-client';
import { freePorts, startTestStack } from './testing/test-stack';

const run = promisify(execFile);
const dirs: string[] = [];
const newStateDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'console-stack-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('state under the state directory', () => {
  it('keeps the APIs’ data, ids and issued credentials across a restart', async () => {
    const dir = newStateDir();
    const first = await startTestStack(dir);
    const { caller: admin } = await createMfaAdmin(first);
    const posted = await callAdmin(first, admin, 'POST', '/admin/announcements', {
      title: 'Still here',
      body: 'after a restart',
    });
    expect(posted.status).toBe(201);
    const apiIds = first.apiIds;
    await first.stop();

    const second = await startTestStack(dir);
    try {
      expect(second.apiIds).toEqual(apiIds);
      // Same credentials, new ports: still valid, and the announcement was kept by dynalite.
      const listed = await callAdmin(second, admin, 'GET', '/admin/announcements');
      expect(listed.status).toBe(200);
      expect(listed.body.announcements).toEqual([posted.body]);
      const audit = await callAdmin(second, admin, 'GET', '/admin/audit');
      expect(audit.body.entries).toMatchObject([{ action: 'postAnnouncement' }]);
    } finally {
      await second.stop();
    }
  });

  it('survives a restart: same pools, same users, old tokens and identities still valid', async () => {
    const dir = newStateDir();
    const first = await startTestStack(dir);
    await first.idp.send(
      new AdminCreateUserCommand({ UserPoolId: first.userPool.id, Username: 'kept@example.com' }),
    );
    const signedIn = await srpSignIn(first.idp, {
      userPoolId: first.userPool.id,
      clientId: first.userPool.clientId,
      username: 'user@example.com',
      password: 'User-Passw0rd!',
    });
    const idToken = signedIn.AuthenticationResult!.IdToken!;
    const logins = { [`cognito-idp.ap-northeast-1.amazonaws.com/${first.userPool.id}`]: idToken };
    const { IdentityId } = await first.identity.send(
      new GetIdCommand({ IdentityPoolId: first.identityPool.id, Logins: logins }),
    );
    const before = {
      userPoolId: first.userPool.id,
      clientId: first.userPool.clientId,
      identityPoolId: first.identityPool.id,
    };
    const settings = first.settings;
    await first.stop();

    const { startLocalStack } = await import('./stack');
    const second = await startLocalStack(settings);
    try {
      expect({
        userPoolId: second.userPool.id,
        clientId: second.userPool.clientId,
        identityPoolId: second.identityPool.id,
      }).toEqual(before);
      const { CognitoIdentityProviderClient } =
        await import('@aws-sdk/client-cognito-identity-provider');
      const { CognitoIdentityClient } = await import('@aws-sdk/client-cognito-identity');
      const config = {
        region: 'ap-northeast-1',
        endpoint: second.edgeUrl,
        credentials: second.operator,
      };
      const idp = new CognitoIdentityProviderClient(config);
      const identity = new CognitoIdentityClient(config);
      const kept = await idp.send(
        new AdminGetUserCommand({ UserPoolId: second.userPool.id, Username: 'kept@example.com' }),
      );
      expect(kept.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
      await expect(
        idp.send(
          new GetTokensFromRefreshTokenCommand({
            ClientId: second.userPool.clientId,
            RefreshToken: signedIn.AuthenticationResult!.RefreshToken!,
          }),
        ),
      ).resolves.toBeTruthy();
      const again = await identity.send(
        new GetIdCommand({ IdentityPoolId: second.identityPool.id, Logins: logins }),
      );
      expect(again.IdentityId).toBe(IdentityId);
      await expect(
        identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins })),
      ).resolves.toBeTruthy();
      idp.destroy();
      identity.destroy();
    } finally {
      await second.close();
    }
  });
});

describe('npm start refuses to start with a one-line explanation', () => {
  const start = async (env: Record<string, string>) => {
    const result = await run('node', ['--import', 'tsx', 'infra/local/start.ts', '--no-spa'], {
      env: { ...process.env, ...env },
      timeout: 30_000,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    return {
      code: result.code,
      lines: result.stderr
        .trim()
        .split('\n')
        .filter((l) => !l.includes('nodedir')),
    };
  };
  const ports = async () => {
    const [edge, spa] = await freePorts(2);
    return { LOCAL_EDGE_PORT: String(edge), LOCAL_SPA_PORT: String(spa) };
  };

  it('when a state file is corrupt', async () => {
    const dir = newStateDir();
    writeFileSync(join(dir, 'user-pool.json'), '{"userPoolId": ');
    const { code, lines } = await start({ LOCAL_STATE_DIR: dir, ...(await ports()) });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Cannot start: State file .*user-pool\.json is corrupt \(.*\); move it away or delete it to start fresh\.$/,
    );
  });

  it('when a port is already in use', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const { code, lines } = await start({
        LOCAL_STATE_DIR: newStateDir(),
        ...(await ports()),
        LOCAL_EDGE_PORT: String(port),
      });
      expect(code).toBe(1);
      expect(lines).toEqual([
        `Cannot start: Port ${port} (AWS edge (cognito-idp, cognito-identity)) is already in use: stop whatever holds it or set LOCAL_EDGE_PORT.`,
      ]);
    } finally {
      blocker.close();
    }
  });

  it('when an environment value is bad', async () => {
    const { code, lines } = await start({ LOCAL_STATE_DIR: newStateDir(), LOCAL_EDGE_PORT: 'abc' });
    expect(code).toBe(1);
    expect(lines).toEqual(['Cannot start: LOCAL_EDGE_PORT="abc" must be a port number.']);
  });
});
