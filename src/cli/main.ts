import { readFile } from 'node:fs/promises';
import { decodeApiError } from '../api/api-error';
import type { CredentialsSource } from '../api/credentials-cache';
import { generalApiBase } from '../api/clients';
import { createIdTokenFetch } from '../api/id-token-fetch';
import { canonicalUrl } from '../api/sign-request';
import { createSigningFetch } from '../api/signing-fetch';
import { parseCliArgs, type CliOptions } from './args';
import { awsCredentials } from './aws-credentials';
import { DEFAULT_CONFIG, loadConfig, type LoadedConfig } from './config';
import { loginWithCognito, SignInRefused } from './login';
import { NothingTyped, PromptCancelled, readPassword, readTotpCode } from './prompt';
import { curlCommand } from './print-curl';
import { UsageError, USAGE } from './usage';

export interface CliIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

const SERVICE = 'execute-api';

/** Exit status by answer: 0 for 2xx, 4 for 4xx, 5 for 5xx (anything else is 1). */
export const exitStatusFor = (status: number) =>
  status >= 200 && status < 300 ? 0 : status >= 400 && status < 500 ? 4 : status >= 500 ? 5 : 1;

/**
 * Said after an explicit deny from the admin API to a caller with AWS credentials: the likely
 * cause is its resource policy, which nothing in the message names.
 */
const RESOURCE_POLICY_HINT =
  'The admin API admits only the console’s group roles and the automation roles its deployment names (adminApiAutomationRoles): use --login, or credentials of a named role (--role-arn).\n';

/** AWS credential lookups that were refused rather than unreachable. */
const REFUSED_CREDENTIALS = new Set([
  'CredentialsProviderError',
  'AccessDenied',
  'AccessDeniedException',
]);

async function readData(data: string, stdin: NodeJS.ReadStream): Promise<string> {
  if (data === '@-') {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  if (data.startsWith('@')) {
    try {
      return await readFile(data.slice(1), 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${data.slice(1)}: ${(error as Error).message}`);
    }
  }
  return data;
}

/** The URL PATH names: on the chosen API from the config, or as given. */
function targetUrl(options: CliOptions, loaded: LoadedConfig): URL {
  if (/^https?:\/\//.test(options.target)) return new URL(options.target);
  const { config, origin } = loaded;
  switch (options.api) {
    case 'admin':
      return new URL(config.adminApiUrl.replace(/\/+$/, '') + options.target);
    case 'general': {
      if (!/^https?:\/\//.test(config.generalApiUrl) && !origin) {
        throw new UsageError(
          'the config gives the general API as a path on the console; pass --config as the console URL, or a full URL',
        );
      }
      return new URL(
        generalApiBase(config.generalApiUrl, origin ?? 'http://invalid') + options.target,
      );
    }
    case 'ops':
      if (!config.opsApiUrl) throw new UsageError('the config has no opsApiUrl');
      return new URL(config.opsApiUrl.replace(/\/+$/, '') + options.target);
  }
}

/** How the request is authorised, by `--api`: SigV4, the ID token, or as given (ops). */
async function transportFor(
  options: CliOptions,
  loaded: LoadedConfig,
  region: string,
  io: CliIo,
): Promise<{ send: typeof fetch; credentials?: CredentialsSource }> {
  // The ops API takes a bearer token in -H, not a sign-in or a signature.
  if (options.api === 'ops') return { send: fetch };
  const login = options.login
    ? await loginWithCognito(
        loaded.config,
        options.login,
        await readPassword(options.login, io),
        () => readTotpCode(io),
        options.role,
      )
    : undefined;
  if (options.api === 'general') {
    if (!login) throw new UsageError('the general API takes an ID token: add --login EMAIL');
    const send = createIdTokenFetch({ idToken: login.idToken });
    return { send: (input, init) => send(input as string | URL, { ...init, redirect: 'error' }) };
  }
  const credentials =
    login?.credentials ??
    awsCredentials({ profile: options.profile, roleArn: options.roleArn, region });
  const send = createSigningFetch({ region, service: SERVICE, credentials });
  return { send: (input, init) => send(input as string | URL, init), credentials };
}

/**
 * What --print-curl can stand for: the keys must be the environment's (the command names
 * them as variables), and curl 7.88 signs the path exactly as written, while API Gateway
 * encodes it once more, so only paths of unreserved characters verify.
 */
function checkPrintable(options: CliOptions, url: URL): void {
  if (options.login || options.profile || options.roleArn) {
    throw new UsageError(
      '--print-curl names $AWS_ACCESS_KEY_ID and friends: use it with environment credentials (for a profile: eval "$(aws configure export-credentials --format env)")',
    );
  }
  if (options.api !== 'admin')
    throw new UsageError('--print-curl is for the SigV4-signed admin API');
  if (!/^[A-Za-z0-9._~/-]*$/.test(url.pathname)) {
    throw new UsageError(
      `curl 7.88 would sign the path ${url.pathname} as written, which API Gateway reads encoded once more: the signature would not match`,
    );
  }
}

function printResponse(response: Response, text: string, options: CliOptions, io: CliIo) {
  if (options.include) {
    io.stdout.write(`HTTP ${response.status} ${response.statusText}\n`);
    response.headers.forEach((value, name) => io.stdout.write(`${name}: ${value}\n`));
    io.stdout.write('\n');
  }
  let body = text;
  if (io.stdout.isTTY && text) {
    try {
      body = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      // Not JSON: shown as it came.
    }
  }
  if (body) io.stdout.write(body.endsWith('\n') ? body : `${body}\n`);
}

/** Runs one call; resolves to the exit status. */
export async function runCli(io: CliIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(io.argv);
  } catch (error) {
    io.stderr.write(`console-api: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  try {
    const loaded = await loadConfig(options.config ?? io.env.CONSOLE_CONFIG ?? DEFAULT_CONFIG);
    const region = options.region ?? loaded.config.region ?? io.env.AWS_REGION;
    const url = canonicalUrl(targetUrl(options, loaded));
    if (options.data !== undefined && (options.method === 'GET' || options.method === 'HEAD')) {
      throw new UsageError(`${options.method} takes no body: drop -d or use POST or PUT`);
    }
    if (options.printCurl) checkPrintable(options, url);
    const body = options.data === undefined ? undefined : await readData(options.data, io.stdin);
    const headers = [...options.headers];
    if (body !== undefined && !headers.some(([name]) => name.toLowerCase() === 'content-type')) {
      headers.push(['content-type', 'application/json']);
    }
    const { send, credentials } = await transportFor(options, loaded, region, io);
    if (options.printCurl) {
      const { sessionToken } = await credentials!({ forceRefresh: false });
      io.stdout.write(
        `${curlCommand({ method: options.method, url, region, service: SERVICE, headers, body, sessionToken: !!sessionToken })}\n`,
      );
      return 0;
    }
    const response = await send(url, { method: options.method, headers, body });
    if (!response.ok) {
      const error = await decodeApiError(response.clone(), url);
      io.stderr.write(
        `console-api: ${error.status} ${error.kind}: ${error.message}\n${error.explanation}\n` +
          (error.requestId ? `Request id: ${error.requestId}\n` : ''),
      );
      if (
        options.api === 'admin' &&
        !options.login &&
        error.kind === 'AccessDenied' &&
        error.message.endsWith(' with an explicit deny')
      ) {
        io.stderr.write(RESOURCE_POLICY_HINT);
      }
    }
    printResponse(response, await response.text(), options, io);
    return exitStatusFor(response.status);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`console-api: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof PromptCancelled) return 130;
    if (
      error instanceof SignInRefused ||
      error instanceof NothingTyped ||
      REFUSED_CREDENTIALS.has((error as Error).name)
    ) {
      io.stderr.write(`console-api: ${(error as Error).message}\n`);
      return 4;
    }
    io.stderr.write(`console-api: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
