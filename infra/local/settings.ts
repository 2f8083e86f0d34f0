import { resolve } from 'node:path';
import { z } from 'zod';
import { GROUPS, type GroupName } from '@contract';
import { parseQuotaRates, QuotaInputError, type QuotaRates } from './user-pool/request-quotas';

/** Every port the local stack listens on, with the variable that overrides it. */
export const PORTS = {
  spa: { env: 'LOCAL_SPA_PORT', default: 5173, label: 'SPA' },
  edge: {
    env: 'LOCAL_EDGE_PORT',
    default: 4566,
    label: 'AWS edge (cognito-idp, cognito-identity)',
  },
  adminApi: { env: 'LOCAL_ADMIN_API_PORT', default: 4567, label: 'admin API' },
  generalApi: { env: 'LOCAL_GENERAL_API_PORT', default: 4568, label: 'general API' },
  opsApi: { env: 'LOCAL_OPS_API_PORT', default: 4569, label: 'ops API' },
  dynamoDb: { env: 'LOCAL_DYNAMODB_PORT', default: 4570, label: 'DynamoDB' },
} as const;
export type PortName = keyof typeof PORTS;

export interface SeedUser {
  email: string;
  password: string;
  groups: GroupName[];
}

export interface LocalSettings {
  host: string;
  ports: Record<PortName, number>;
  stateDir: string;
  credentialLifetimeSeconds: number;
  seedUsers: SeedUser[];
  /** The ops API's bearer token; a random one is kept in the state directory when unset. */
  opsToken: string | undefined;
  /** Where the ops API may be called from. */
  opsAllowedCidrs: string[];
  /**
   * The user pool's request-rate quotas that differ from Cognito's defaults, by category
   * (`user-pool/request-quotas.ts`): what the pool starts with and `/_local/quotas` resets to.
   */
  userPoolQuotas: Partial<QuotaRates>;
}

export class SettingsError extends Error {}

const port = z.coerce
  .number({ error: 'must be a port number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535');

function read<T>(env: NodeJS.ProcessEnv, name: string, schema: z.ZodType<T>, fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new SettingsError(
      `${name}=${JSON.stringify(raw)} ${parsed.error.issues[0]?.message ?? 'is invalid'}.`,
    );
  }
  return parsed.data;
}

const email = z.email('must be an e-mail address');
const nonEmpty = z.string().min(1, 'must not be empty');

/** Reads the local stack's settings from the environment; a bad value stops with one line. */
export function readSettings(env: NodeJS.ProcessEnv, cwd = process.cwd()): LocalSettings {
  const ports = Object.fromEntries(
    Object.entries(PORTS).map(([name, spec]) => [name, read(env, spec.env, port, spec.default)]),
  ) as Record<PortName, number>;
  const taken = new Map<number, string>();
  for (const [name, value] of Object.entries(ports)) {
    const other = taken.get(value);
    if (other) {
      throw new SettingsError(
        `${PORTS[name as PortName].env} and ${PORTS[other as PortName].env} are both ${value}: each service needs its own port.`,
      );
    }
    taken.set(value, name);
  }
  return {
    host: read(
      env,
      'LOCAL_HOST',
      z.union([z.ipv4(), z.literal('localhost')], {
        error: 'must be an IPv4 address or localhost',
      }),
      '127.0.0.1',
    ),
    ports,
    stateDir: resolve(cwd, read(env, 'LOCAL_STATE_DIR', nonEmpty, '.local')),
    credentialLifetimeSeconds: read(
      env,
      'LOCAL_CREDENTIAL_LIFETIME_SECONDS',
      z.coerce
        .number()
        .int('must be a whole number of seconds')
        .min(60, 'must be at least 60')
        .max(43200, 'must be at most 43200'),
      3600,
    ),
    opsToken: read<string | undefined>(
      env,
      'LOCAL_OPS_TOKEN',
      z
        .string()
        .regex(/^[\x21-\x7e]{16,}$/, 'must be at least 16 printable characters without spaces'),
      undefined,
    ),
    opsAllowedCidrs: read(
      env,
      'LOCAL_OPS_ALLOWED_CIDRS',
      z
        .string()
        .transform((text) => text.split(',').map((cidr) => cidr.trim()))
        .pipe(z.array(z.cidrv4().or(z.cidrv6())).min(1)),
      ['127.0.0.0/8', '::1/128'],
    ),
    userPoolQuotas: readQuotas(env),
    seedUsers: [
      {
        email: read(env, 'SEED_ADMIN_EMAIL', email, 'admin@example.com'),
        password: read(env, 'SEED_ADMIN_PASSWORD', nonEmpty, 'Admin-Passw0rd!'),
        groups: [GROUPS.admin.name, GROUPS.general.name],
      },
      {
        email: read(env, 'SEED_HELPDESK_EMAIL', email, 'helpdesk@example.com'),
        password: read(env, 'SEED_HELPDESK_PASSWORD', nonEmpty, 'Helpdesk-Passw0rd!'),
        groups: [GROUPS.helpdesk.name],
      },
      {
        email: read(env, 'SEED_USER_EMAIL', email, 'user@example.com'),
        password: read(env, 'SEED_USER_PASSWORD', nonEmpty, 'User-Passw0rd!'),
        groups: [GROUPS.general.name],
      },
    ],
  };
}

const QUOTAS_VARIABLE = 'LOCAL_USER_POOL_QUOTAS';

/** `LOCAL_USER_POOL_QUOTAS=UserCreation=5,UserList=10`: categories and requests per second. */
function readQuotas(env: NodeJS.ProcessEnv): Partial<QuotaRates> {
  const raw = env[QUOTAS_VARIABLE]?.trim();
  if (!raw) return {};
  const pairs = raw.split(',').map((pair) => pair.split('=').map((part) => part.trim()));
  const malformed = pairs.find((pair) => pair.length !== 2 || !pair[0]);
  if (malformed) {
    throw new SettingsError(
      `${QUOTAS_VARIABLE}=${JSON.stringify(raw)} must be CATEGORY=RPS pairs separated by commas, e.g. UserCreation=5,UserList=10.`,
    );
  }
  try {
    // Digits become numbers; anything else stays text, for the message to show as given.
    return parseQuotaRates(
      Object.fromEntries(
        pairs.map(([name, value]) => [name, /^\d+$/.test(value!) ? Number(value) : value]),
      ),
    );
  } catch (error) {
    if (error instanceof QuotaInputError) {
      throw new SettingsError(`${QUOTAS_VARIABLE}=${JSON.stringify(raw)}: ${error.message}.`);
    }
    throw error;
  }
}

/**
 * The Fetch standard's "bad ports": browsers refuse to connect to them (Chromium says
 * ERR_UNSAFE_PORT), so a service the browser calls must not listen on one.
 */
const BAD_PORTS = new Set([
  0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102,
  103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465,
  512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993,
  995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668,
  6669, 6679, 6697, 10080,
]);

/** The services the browser calls directly (the general API is reached through the SPA). */
const BROWSER_FACING: readonly PortName[] = ['spa', 'edge', 'adminApi'];

/** A warning for each service the browser calls on a port browsers refuse. */
export function browserPortWarnings(ports: Record<PortName, number>): string[] {
  return BROWSER_FACING.filter((name) => BAD_PORTS.has(ports[name])).map(
    (name) =>
      `${PORTS[name].env}=${ports[name]}: browsers refuse port ${ports[name]} (Chromium: ERR_UNSAFE_PORT), so the console cannot reach the ${PORTS[name].label}. Choose another port.`,
  );
}
