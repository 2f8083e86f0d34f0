import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Amplify } from 'aws-amplify';
import { signOut } from 'aws-amplify/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUPS } from '@contract';
import { buildCli } from '../../scripts/build-cli.mjs';
import { runCli } from '../../src/cli/main';
import { OPERATOR_PROFILE } from './iam/operator';
import { AUTOMATION_ROLE_ARN, automationSession } from './testing/automation-role';
import { SEEDED_ADMIN, SEEDED_USER, type TemporaryCredentials } from './testing/callers';
import { createMfaAdmin, type MfaAdmin } from './testing/mfa-admin';
import { nextTotpCode, totpCode } from './testing/totp';
import { startTestStack, type TestStack } from './testing/test-stack';

/*
 * The CLI (src/cli) against a local stack, as a person or a job runs it. Most tests call its
 * entry point (`runCli`) in this process with the arguments, environment and streams a shell
 * would give it: the same code, without starting Node and loading the AWS SDK and Amplify for
 * each call. The last group runs the package's bin on plain Node, as `npm run build:cli`
 * builds it (built afresh first, so it is the source as it is now), for what only a process
 * shows: the bundle runs, its exit status, its own environment, a piped stdin.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/console-api.mjs');

let stack: TestStack;
let dir: string;
let configFile: string;
beforeAll(async () => {
  // The deployment names one automation role, as `-c adminApiAutomationRoles=…` would.
  stack = await startTestStack(undefined, {}, { adminApiAutomationRoles: [AUTOMATION_ROLE_ARN] });
  dir = mkdtempSync(join(tmpdir(), 'console-cli-'));
  configFile = join(dir, 'config.json');
  // The general API as an absolute URL: a file has no console origin to resolve `/api` from.
  writeFileSync(
    configFile,
    JSON.stringify({ ...stack.runtimeConfig, generalApiUrl: `${stack.apiUrls.general}/api` }),
  );
});
afterAll(async () => {
  await stack.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment a clean job would have: no AWS settings but those given. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: dir,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...extra,
  };
}

/** `file` as a process with a clean environment, `stdin` piped in and closed. */
function spawned(
  file: string,
  args: string[],
  extraEnv: Record<string, string> = {},
  stdin?: string,
): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      file,
      args,
      { env: cleanEnv(extraEnv), cwd: ROOT },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(stdin ?? '');
  });
}

/** The built CLI, through the package's bin, as a process. */
const runBin = (args: string[], extraEnv: Record<string, string> = {}, stdin?: string) =>
  spawned(process.execPath, [BIN, '--config', configFile, ...args], extraEnv, stdin);

/** A stream the CLI writes to that is no terminal, as a pipe is. */
function collector(): { stream: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const stream = {
    isTTY: false,
    write: (chunk: string | Uint8Array) => {
      text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    },
  };
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

/**
 * The CLI's entry point in this process, given what a shell gives a process: the arguments,
 * a clean environment (also as `process.env` while it runs, where the SDK's credential chain
 * reads it: a file's tests run one at a time), a stdin that is no terminal holding `stdin`,
 * and pipes for stdout and stderr.
 */
async function run(
  args: string[],
  extraEnv: Record<string, string> = {},
  stdin?: string,
): Promise<Run> {
  const env = cleanEnv(extraEnv);
  const stdout = collector();
  const stderr = collector();
  const outer = process.env;
  process.env = env;
  try {
    const code = await runCli({
      argv: ['--config', configFile, ...args],
      env,
      stdin: Readable.from(stdin ? [Buffer.from(stdin)] : []) as unknown as NodeJS.ReadStream,
      stdout: stdout.stream,
      stderr: stderr.stream,
    });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  } finally {
    process.env = outer;
    // Amplify keeps one signed-in user per process: each call, like each process, starts
    // signed out (once a --login has configured it).
    if (Amplify.getConfig().Auth) await signOut();
  }
}

/**
 * An administrator with an authenticator app, as the admin API requires. Each sign-in takes one
 * of its own: the pool takes each code once, and one admin's app may have no other code the
 * pool accepts until the next 30-second step, which a second admin's app does not wait for.
 */
const mfaAdmin = () => createMfaAdmin(stack);

/** What a job signing in as `admin` sets: the password and the app's current, unused code. */
const asAdmin = async (admin: MfaAdmin) => ({
  COGNITO_PASSWORD: admin.password,
  COGNITO_TOTP_CODE: await nextTotpCode(admin.totpSecret, stack.clock.now),
});
const envCredentials = (c: Omit<TemporaryCredentials, 'expiration'>) => ({
  AWS_ACCESS_KEY_ID: c.accessKeyId,
  AWS_SECRET_ACCESS_KEY: c.secretAccessKey,
  AWS_SESSION_TOKEN: c.sessionToken,
});

describe('console-api', () => {
  it('--login with a wrong authenticator code says so and exits 4', async () => {
    const admin = await mfaAdmin();
    // Ten minutes ahead: a real code, but far outside the pool's window.
    const wrong = totpCode(admin.totpSecret, stack.clock.now() + 10 * 60_000);
    const result = await run(['--login', admin.email, 'GET', '/admin/users'], {
      COGNITO_PASSWORD: admin.password,
      COGNITO_TOTP_CODE: wrong,
    });
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(
      'console-api: Sign-in refused: the authenticator code is wrong or was already used. Wait for the next code and try again.\n',
    );
  });

  it('--login with an authenticator app but no code and no terminal: exit 2 naming the variable', async () => {
    const admin = await mfaAdmin();
    const result = await run(['--login', admin.email, 'GET', '/admin/users'], {
      COGNITO_PASSWORD: admin.password,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'no terminal to ask for the authenticator code: set COGNITO_TOTP_CODE',
    );
  });

  it('--login as an administrator without an app: 403 MfaRequired, exit 4', async () => {
    // The seeded admin has no app yet: the console would send them to set one up. Also in
    // general, they act as the admin role only when they ask for it.
    const result = await run(
      ['--login', SEEDED_ADMIN.email, '--role', 'admin', 'GET', '/admin/users'],
      { COGNITO_PASSWORD: SEEDED_ADMIN.password },
    );
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(
      '403 Handler: Set up an authenticator app to use admin features.',
    );
    expect(JSON.parse(result.stdout)).toMatchObject({ code: 'MfaRequired' });
  });

  it('--login acts as the least-privileged role; --role chooses another of the user’s', async () => {
    const admin = await createMfaAdmin(stack, { groups: ['admin', 'general'] });
    const general = await run(
      ['--login', admin.email, 'GET', '/admin/users'],
      await asAdmin(admin),
    );
    expect(general.code).toBe(4);
    expect(general.stderr).toContain('403 AccessDenied');
    expect(general.stderr).toContain('assumed-role/ConsoleGeneralRole/');

    const elevated = await run(
      ['--login', admin.email, '--role', 'ConsoleAdminRole', 'GET', '/admin/whoami'],
      await asAdmin(admin),
    );
    expect(elevated.code).toBe(0);
    expect(JSON.parse(elevated.stdout)).toMatchObject({
      callerArn: expect.stringContaining('assumed-role/ConsoleAdminRole/'),
    });
  });

  it('--role that is not one of the user’s: refused, exit 4, naming theirs', async () => {
    const admin = await mfaAdmin();
    const byName = await run(
      ['--login', admin.email, '--role', 'helpdesk', 'GET', '/admin/whoami'],
      await asAdmin(admin),
    );
    expect(byName.code).toBe(4);
    expect(byName.stderr).toBe(
      'console-api: You have no role "helpdesk". Your sign-in carries: ConsoleAdminRole (admin).\n',
    );
    expect((await run(['--role', 'admin', 'GET', '/admin/whoami'])).code).toBe(2);

    // As an ARN, sent as given: the identity pool is the judge, and refuses it.
    const helpdeskArn = `arn:aws:iam::000000000000:role/${GROUPS.helpdesk.roleName}`;
    const byArn = await run(
      ['--login', admin.email, '--role', helpdeskArn, 'GET', '/admin/whoami'],
      await asAdmin(admin),
    );
    expect(byArn.code).toBe(4);
    expect(byArn.stderr).toBe(
      `console-api: The identity pool refused the role ${helpdeskArn} (InvalidParameterException: The role ARN specified in CustomRoleArn is not among the roles in the token.). Your sign-in carries: ConsoleAdminRole (admin).\n`,
    );
  });

  it('--login as a general user: 403 with the explanation, exit 4', async () => {
    const result = await run(['--login', SEEDED_USER.email, 'GET', '/admin/users'], {
      COGNITO_PASSWORD: SEEDED_USER.password,
    });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('403 AccessDenied: User: arn:aws:sts::');
    expect(result.stderr).toContain('Your IAM role may not call this route.');
    expect(result.stdout).toContain('is not authorized to perform: execute-api:Invoke');
  });

  it('signs with Lambda-style environment credentials', async () => {
    const { caller: admin } = await mfaAdmin();
    const result = await run(['GET', '/admin/whoami'], envCredentials(admin.credentials));
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      identityId: admin.identityId,
      callerArn: expect.stringContaining('assumed-role/ConsoleAdminRole/'),
    });
  });

  it('signs with a named profile from the shared credentials file', async () => {
    const { credentials, identityId } = (await mfaAdmin()).caller;
    const profiles = join(dir, 'credentials');
    writeFileSync(
      profiles,
      [
        '[console-admin]',
        `aws_access_key_id = ${credentials.accessKeyId}`,
        `aws_secret_access_key = ${credentials.secretAccessKey}`,
        `aws_session_token = ${credentials.sessionToken}`,
        '',
      ].join('\n'),
    );
    const result = await run(['--profile', 'console-admin', 'GET', '/admin/whoami'], {
      AWS_SHARED_CREDENTIALS_FILE: profiles,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ identityId });
  });

  it('with the account administrator’s own profile, is refused by the admin API’s resource policy', async () => {
    // AdministratorAccess is not enough: only the console's roles may invoke the admin API.
    const result = await run(['--profile', OPERATOR_PROFILE, 'GET', '/admin/whoami'], {
      AWS_SHARED_CREDENTIALS_FILE: stack.operatorFiles.credentialsFile,
      AWS_CONFIG_FILE: stack.operatorFiles.configFile,
    });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(
      `403 AccessDenied: User: arn:aws:iam::000000000000:user/${OPERATOR_PROFILE} is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:ap-northeast-1:********0000:${stack.apiIds.adminApiId}/local/GET/admin/whoami with an explicit deny`,
    );
    expect(result.stderr).toContain('adminApiAutomationRoles');
  });

  it('signs as a job with an automation role the deployment names', async () => {
    const nightly = automationSession(stack, ['whoami']);
    const result = await run(['GET', '/admin/whoami'], envCredentials(nightly));
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      identityId: null,
      callerArn: 'arn:aws:sts::000000000000:assumed-role/NightlyReport/nightly',
    });
  });

  it('sends query values with spaces and already-encoded characters as meant', async () => {
    const admin = await mfaAdmin();
    const encoded = await run(
      [
        '--login',
        admin.email,
        'GET',
        `/admin/users?attribute=email&match=exact&value=${admin.email.replace('@', '%40')}`,
      ],
      await asAdmin(admin),
    );
    expect(encoded.code, encoded.stderr).toBe(0);
    expect(JSON.parse(encoded.stdout).users).toHaveLength(1);

    // A second sign-in, so a second administrator (see `mfaAdmin`).
    const other = await mfaAdmin();
    const spaced = await run(
      ['--login', other.email, 'GET', '/admin/audit?actor=no one here&limit=5'],
      await asAdmin(other),
    );
    expect(spaced.code, spaced.stderr).toBe(0);
    expect(JSON.parse(spaced.stdout)).toMatchObject({ entries: [] });
  });

  it('calls the general API with the ID token', async () => {
    const admin = await mfaAdmin();
    const result = await run(
      ['--login', admin.email, '--api', 'general', 'GET', '/api/me'],
      await asAdmin(admin),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ email: admin.email });
  });

  it('--print-curl prints a command that Debian’s curl runs to the same answer', async () => {
    const { caller: admin } = await mfaAdmin();
    const env = envCredentials(admin.credentials);
    const calls = [
      ['GET', '/admin/users?limit=5&attribute=email&value=admin%40example'],
      ['GET', '/admin/whoami'],
      [
        '-d',
        JSON.stringify({ title: "It's curl", body: 'Signed by curl' }),
        'POST',
        '/admin/announcements',
      ],
    ];
    for (const call of calls) {
      const direct = await run(['-i', ...call], env);
      const directStatus = Number(/^HTTP (\d+)/.exec(direct.stdout)?.[1]);
      const printed = await run(['--print-curl', ...call], env);
      expect(printed.code, printed.stderr).toBe(0);
      expect(printed.stdout).not.toContain(admin.credentials.secretAccessKey);
      expect(printed.stdout).not.toContain(admin.credentials.sessionToken);
      const viaCurl = await spawned(
        '/bin/bash',
        ['-c', `${printed.stdout.trim()} --silent --output /dev/null --write-out '%{http_code}'`],
        env,
      );
      expect(Number(viaCurl.stdout), `${call.join(' ')}: ${viaCurl.stderr}`).toBe(directStatus);
      expect(directStatus).toBeGreaterThanOrEqual(200);
      expect(directStatus).toBeLessThan(300);
    }
  });

  it('bad arguments print the usage and exit 2', async () => {
    for (const args of [
      [],
      ['FETCH', '/admin/users'],
      ['GET', 'admin/users'],
      ['--api', 'nope', 'GET', '/x'],
      ['-H', 'no colon', 'GET', '/x'],
      ['-d', '{}', 'GET', '/admin/users'],
      ['-d', '@/no/such/file.json', 'POST', '/admin/announcements'],
      ['--print-curl', '--login', SEEDED_ADMIN.email, 'GET', '/admin/users'],
      // curl 7.88 would sign this path as written; API Gateway reads it encoded once more.
      ['--print-curl', 'GET', '/admin/users/a%40b'],
      ['--login', SEEDED_ADMIN.email, 'GET', '/admin/users'], // no terminal, no COGNITO_PASSWORD
      // The config names where credentials go: never over plain HTTP from another machine.
      ['--config', 'http://console.example.com/config.json', 'GET', '/admin/whoami'],
    ]) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: console-api');
    }
  });

  it('an unreachable API exits 1', async () => {
    const { caller: admin } = await mfaAdmin();
    const result = await run(
      ['GET', 'http://127.0.0.1:9/admin/whoami'],
      envCredentials(admin.credentials),
    );
    expect(result.code).toBe(1);
  });
});

// Each of these starts Node and loads the CLI's packages (twice for the body test).
describe('console-api, the package’s bin as a process', { timeout: 60_000 }, () => {
  beforeAll(() => buildCli());

  it('--login as admin lists users, through SRP, the app’s code and the identity pool', async () => {
    const admin = await mfaAdmin();
    const result = await runBin(
      ['--login', admin.email, 'GET', '/admin/users'],
      await asAdmin(admin),
    );
    expect(result.code, result.stderr).toBe(0);
    const emails = (JSON.parse(result.stdout) as { users: Array<{ email: string }> }).users.map(
      (u) => u.email,
    );
    expect(emails).toContain(admin.email);
  });

  it('POSTs a body from a file (-d @file) and from stdin (-d @-)', async () => {
    const file = join(dir, 'announcement.json');
    writeFileSync(file, JSON.stringify({ title: 'From a file', body: 'Posted by the CLI' }));
    const admin = await mfaAdmin();
    const fromFile = await runBin(
      ['--login', admin.email, '-i', '-d', `@${file}`, 'POST', '/admin/announcements'],
      await asAdmin(admin),
    );
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(fromFile.stdout).toMatch(/^HTTP 201 /);
    expect(fromFile.stdout).toContain('"title":"From a file"');

    // A second sign-in, so a second administrator (see `mfaAdmin`).
    const other = await mfaAdmin();
    const fromStdin = await runBin(
      ['--login', other.email, '-d', '@-', 'POST', '/admin/announcements'],
      await asAdmin(other),
      JSON.stringify({ title: 'From stdin', body: 'Piped' }),
    );
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    expect(JSON.parse(fromStdin.stdout)).toMatchObject({ title: 'From stdin' });
  });

  it('a wrong password says so and exits 4', async () => {
    const result = await runBin(['--login', SEEDED_ADMIN.email, 'GET', '/admin/users'], {
      COGNITO_PASSWORD: 'Not-The-Passw0rd!',
    });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('Incorrect username or password.');
  });
});
