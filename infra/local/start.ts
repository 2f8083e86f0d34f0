/**
 * `npm start`: the local stack and the SPA on it. `--preview` serves the production build
 * instead of the dev server (what the e2e tests use); `--no-spa` starts the stack alone.
 */
import { resolve } from 'node:path';
import { browserPortWarnings, readSettings, SettingsError } from './settings';
import { OPS_TOKEN_SECRET_NAME, startLocalStack, type LocalStack } from './stack';
import { MissingBuildError, startSpaServer, type SpaServer } from './spa-server';
import { CorruptStateError } from './store/state-file';
import { copyOutputTo } from './log-file';
import { PortInUseError } from './net';
import { OPERATOR_PROFILE } from './iam/operator';

const args = new Set(process.argv.slice(2));
const mode = args.has('--preview') ? 'preview' : 'dev';

/** Paths are printed absolute, so they can be pasted from any directory. */
const shown = (path: string) => resolve(path);

function printSummary(stack: LocalStack, spa: SpaServer | undefined): void {
  const c = stack.runtimeConfig;
  const lines = [
    '',
    'Local stack is up.',
    spa ? `  SPA (${mode})              ${spa.url}` : undefined,
    `  AWS edge                ${stack.edgeUrl}   (cognito-idp, cognito-identity, secretsmanager)`,
    `  Admin API (AWS_IAM)     ${stack.apiUrls.admin}   api ${stack.apiIds.adminApiId}`,
    `  General API (Cognito)   ${stack.apiUrls.general}   (the SPA proxies /api/* here)`,
    `  Ops API (Lambda auth)   ${stack.apiUrls.ops}   token: secret ${OPS_TOKEN_SECRET_NAME} in ${shown(stack.secrets.path)}`,
    `  DynamoDB (dynalite)     ${stack.dynamoDbUrl}`,
    `  JWKS                    ${stack.userPool.issuer}/.well-known/jwks.json`,
    `  Outbox                  ${stack.edgeUrl}/_local/outbox`,
    `  User pool quotas        ${quotasShown(stack)}   (${stack.edgeUrl}/_local/quotas)`,
    `  TOTP codes              npm run totp -- EMAIL   (for a local user with an authenticator app)`,
    `  Region / account        ${c.region} / 000000000000`,
    `  User pool               ${c.userPoolId}   client ${c.userPoolClientId}`,
    `  Identity pool           ${c.identityPoolId}`,
    `  State                   ${shown(stack.settings.stateDir)}/`,
    '',
    'As the account administrator (admin operations, secrets and DynamoDB verify who signed):',
    `  AWS_SHARED_CREDENTIALS_FILE=${shown(stack.operatorFiles.credentialsFile)} AWS_CONFIG_FILE=${shown(stack.operatorFiles.configFile)} AWS_PROFILE=${OPERATOR_PROFILE} \\`,
    `    aws cognito-idp list-users --user-pool-id ${c.userPoolId}`,
    '',
    'Seeded users:',
    ...stack.settings.seedUsers.map(
      (u) => `  ${u.email.padEnd(24)}${u.password.padEnd(20)}groups: ${u.groups.join(', ')}`,
    ),
    '',
  ];
  console.log(lines.filter((line) => line !== undefined).join('\n'));
}

/** Cognito's default request rates, or the categories the settings changed. */
function quotasShown(stack: LocalStack): string {
  const changed = Object.entries(stack.settings.userPoolQuotas);
  return changed.length === 0
    ? "Cognito's defaults"
    : changed.map(([category, rps]) => `${category} ${rps}/s`).join(', ') + ', others default';
}

async function main(): Promise<void> {
  // The handlers run as on Lambda's Node 22; the SDK's notice about this host's Node 20 is noise.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // Tests point this at a file to check afterwards what the logs held.
  if (process.env.LOCAL_LOG_FILE) copyOutputTo(process.env.LOCAL_LOG_FILE);
  const settings = readSettings(process.env);
  for (const warning of browserPortWarnings(settings.ports)) console.warn(`Warning: ${warning}`);
  const stack = await startLocalStack(settings);
  let spa: SpaServer | undefined;
  try {
    if (!args.has('--no-spa'))
      spa = await startSpaServer(mode, settings, stack.runtimeConfig, stack.apiUrls.general);
  } catch (error) {
    await stack.close();
    throw error;
  }
  printSummary(stack, spa);
  const shutdown = async () => {
    await spa?.close();
    await stack.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  const expected = [SettingsError, PortInUseError, CorruptStateError, MissingBuildError];
  if (expected.some((type) => error instanceof type)) {
    console.error(`Cannot start: ${(error as Error).message}`);
  } else console.error('Cannot start:', error);
  process.exit(1);
});
