import { parseArgs } from 'node:util';
import { API_NAMES, type ApiName } from '@contract/routes';
import { UsageError } from './usage';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const;

export interface CliOptions {
  method: (typeof METHODS)[number];
  /** A path on `api`, or a full URL. */
  target: string;
  api: ApiName;
  data?: string;
  headers: Array<[string, string]>;
  include: boolean;
  config?: string;
  region?: string;
  login?: string;
  /** With --login: which of the user's group roles to act as (name, group or ARN). */
  role?: string;
  profile?: string;
  roleArn?: string;
  printCurl: boolean;
  help: boolean;
}

function header(text: string): [string, string] {
  const colon = text.indexOf(':');
  const name = colon > 0 ? text.slice(0, colon).trim() : '';
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
    throw new UsageError(`-H takes "Name: value", not "${text}"`);
  }
  return [name, text.slice(colon + 1).trim()];
}

/** The command line as options; throws a `UsageError` naming what is wrong. */
export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        api: { type: 'string', default: 'admin' },
        data: { type: 'string', short: 'd' },
        header: { type: 'string', short: 'H', multiple: true, default: [] },
        include: { type: 'boolean', short: 'i', default: false },
        config: { type: 'string' },
        region: { type: 'string' },
        login: { type: 'string' },
        role: { type: 'string' },
        profile: { type: 'string' },
        'role-arn': { type: 'string' },
        'print-curl': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const base = {
    headers: values.header.map(header),
    include: values.include,
    printCurl: values['print-curl'],
    help: values.help,
    data: values.data,
    config: values.config,
    region: values.region,
    login: values.login,
    role: values.role,
    profile: values.profile,
    roleArn: values['role-arn'],
  };
  if (values.help) return { ...base, method: 'GET', target: '/', api: 'admin' };
  if (!(API_NAMES as readonly string[]).includes(values.api)) {
    throw new UsageError(`--api must be one of ${API_NAMES.join(', ')}, not "${values.api}"`);
  }
  if (positionals.length !== 2) {
    throw new UsageError(`expected METHOD and PATH, got ${positionals.length} argument(s)`);
  }
  const [methodText, target] = positionals as [string, string];
  const method = methodText.toUpperCase();
  if (!(METHODS as readonly string[]).includes(method)) {
    throw new UsageError(`METHOD must be one of ${METHODS.join(', ')}, not "${methodText}"`);
  }
  if (!target.startsWith('/') && !/^https?:\/\//.test(target)) {
    throw new UsageError(`PATH must start with / or be an http(s) URL, not "${target}"`);
  }
  if (values.login !== undefined && values.profile !== undefined) {
    throw new UsageError('--login and --profile are two kinds of credentials: give one');
  }
  if (values.role !== undefined && values.login === undefined) {
    throw new UsageError(
      "--role chooses among your groups' roles when you --login; for an IAM role use --role-arn",
    );
  }
  if (values.login !== undefined && values['role-arn'] !== undefined) {
    throw new UsageError('--role-arn assumes a role with AWS credentials, not with --login');
  }
  return {
    ...base,
    method: method as CliOptions['method'],
    target,
    api: values.api as ApiName,
  };
}
