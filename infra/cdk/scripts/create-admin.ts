import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { z } from 'zod';
import { GROUPS } from '@contract';
import { stackNameOf } from '../deployment-settings';
import { makeAdmin } from '../first-admin';
import { OUTPUTS_FILE, stackOutputsFrom } from '../stack-outputs';

/**
 * `npm run create-admin -- EMAIL [--stage NAME]`: invites EMAIL to the deployed console and
 * makes them an administrator, with the caller's AWS credentials. The pool comes from the
 * outputs `npm run deploy` saved, so nothing is looked up by name.
 */
const usage = 'Usage: npm run create-admin -- EMAIL [--stage NAME]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { stage: { type: 'string' } },
  });
  const email = z.email().safeParse(positionals[0]);
  if (!email.success || positionals.length !== 1) {
    console.error(usage);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(OUTPUTS_FILE, 'utf8');
  } catch {
    console.error(
      `No ${OUTPUTS_FILE}: run \`npm run deploy\` first (it saves the stack's outputs).`,
    );
    return 1;
  }
  const outputs = stackOutputsFrom(text, values.stage && stackNameOf(values.stage));
  const cognito = new CognitoIdentityProviderClient({ region: outputs.region });
  const { invited } = await makeAdmin(cognito, outputs.userPoolId, email.data);
  console.log(
    invited
      ? `Invited ${email.data}: Cognito has e-mailed a temporary password.`
      : `${email.data} already had an account.`,
  );
  console.log(`They are in the ${GROUPS.admin.name} group. Sign in at ${outputs.siteUrl}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`create-admin: ${(error as Error).name}: ${(error as Error).message}`);
    process.exit(1);
  },
);
