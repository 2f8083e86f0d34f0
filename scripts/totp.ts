/**
 * `npm run totp -- EMAIL`: the code a local user's authenticator app would show, from the
 * running local stack (`GET /_local/totp`), to try MFA sign-in without an app. Reads the edge's
 * address from the same settings `npm start` reads.
 */
import { readSettings, SettingsError } from '../infra/local/settings';

async function main(): Promise<number> {
  const email = process.argv[2];
  if (!email) {
    console.error('Usage: npm run totp -- EMAIL');
    return 2;
  }
  const { host, ports } = readSettings(process.env);
  const url = `http://${host}:${ports.edge}/_local/totp?username=${encodeURIComponent(email)}`;
  const response = await fetch(url).catch(() => undefined);
  if (!response) {
    console.error(
      `No local stack answers at http://${host}:${ports.edge}: start it with npm start.`,
    );
    return 1;
  }
  const body = (await response.json()) as { code?: string; message?: string };
  if (!response.ok || !body.code) {
    console.error(body.message ?? `The local stack answered ${response.status}.`);
    return 1;
  }
  console.log(body.code);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof SettingsError ? `Cannot read settings: ${error.message}` : error,
    );
    process.exit(1);
  },
);
