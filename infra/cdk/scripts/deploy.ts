import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { stackNameOf, DEFAULT_STAGE } from '../deployment-settings';
import { OUTPUTS_FILE, stackOutputsFrom } from '../stack-outputs';

/**
 * `npm run deploy [-- CDK_ARGS]`: builds the SPA, deploys the stack with the caller's AWS
 * credentials (`cdk deploy`, which bundles the handlers and runs cdk-nag), and prints where
 * the console is and how to make its first administrator. CDK_ARGS go to `cdk deploy`, e.g.
 * `-c stage=prod`, `--parameters OpsAllowedCidrs=203.0.113.0/24` or `--profile work`.
 */
function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const args = process.argv.slice(2);
const stageArgument = args
  .map((arg, i) => (arg === '-c' || arg === '--context' ? args[i + 1] : undefined))
  .find((value) => value?.startsWith('stage='));
const stage = stageArgument?.slice('stage='.length) ?? DEFAULT_STAGE;

run('npm', ['run', 'build']);
run('npm', [
  'run',
  'cdk',
  '--',
  'deploy',
  '--require-approval',
  'broadening',
  '--outputs-file',
  'cdk.outputs.json',
  ...args,
]);

const outputs = stackOutputsFrom(readFileSync(OUTPUTS_FILE, 'utf8'), stackNameOf(stage));
const stageOption = stage === DEFAULT_STAGE ? '' : ` --stage ${stage}`;
console.log(`
The console is deployed (${stackNameOf(stage)}).

  Site:       ${outputs.siteUrl}
  Admin API:  ${outputs.adminApiUrl}   (SigV4, called at this address, never through the site)
  Ops API:    ${outputs.opsApiUrl}   (bearer token; set OpsAllowedCidrs to let monitors in)

Create the first administrator (Cognito e-mails them a temporary password):

  npm run create-admin -- you@example.com${stageOption}

The ops token: aws secretsmanager get-secret-value --region ${outputs.region} --secret-id ${outputs.opsTokenSecretName} --query SecretString --output text
`);
