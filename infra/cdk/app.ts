import { fileURLToPath } from 'node:url';
import { createConsoleApp, cdkJson } from './console-app';

/**
 * The CDK app. `npm run synth` runs this file directly (no CDK CLI, no AWS credentials):
 * it writes the cloud assembly and fails on any cdk-nag finding not acknowledged with a
 * reason. `cdk deploy` (`npm run deploy`) runs it too, passing context such as
 * `-c stage=prod`; run directly it reads the same `-c` arguments. Region and account come
 * from context or the CLI's credentials; offline, the account stays unresolved until deploy
 * and nothing is looked up.
 */
function contextFromArguments(args: readonly string[]): Record<string, string> {
  const context: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== '-c' && args[i] !== '--context') continue;
    const [key, ...value] = (args[++i] ?? '').split('=');
    if (!key || !value.length) throw new Error(`Expected -c key=value, got "${args[i] ?? ''}"`);
    context[key] = value.join('=');
  }
  return context;
}

const underCli = process.env.CDK_OUTDIR !== undefined;
const { app, stack } = createConsoleApp({
  context: contextFromArguments(process.argv.slice(2)),
  outdir: underCli ? undefined : fileURLToPath(new URL(cdkJson.output, import.meta.url)),
  buildDir: fileURLToPath(new URL('../../dist', import.meta.url)),
  nag: true,
});
const assembly = app.synth();
if (!underCli) {
  console.log(
    `Synthesized ${stack.stackName} (cdk-nag AwsSolutions: clean) to ${assembly.directory}`,
  );
}
