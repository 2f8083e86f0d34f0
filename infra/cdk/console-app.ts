import { readFileSync } from 'node:fs';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ConsoleStack } from './console-stack';
import {
  readDeploymentSettings,
  stackNameOf,
  type DeploymentSettings,
} from './deployment-settings';

/** `cdk.json`: the app command, where the assembly goes, and the pinned feature flags. */
interface CdkJson {
  output: string;
  context: Record<string, unknown>;
}

const cdkJsonUrl = new URL('./cdk.json', import.meta.url);
export const cdkJson = JSON.parse(readFileSync(cdkJsonUrl, 'utf8')) as CdkJson;

export interface ConsoleAppOptions {
  /** Context on top of cdk.json's feature flags: `stage`, `region`, `account`, … */
  context?: Record<string, unknown>;
  outdir?: string;
  /** The SPA build to deploy (`dist/`), or none. */
  buildDir: string | undefined;
  /** Register cdk-nag's AwsSolutions pack, so synth fails on an unacknowledged finding. */
  nag: boolean;
}

export interface ConsoleApp {
  app: App;
  stack: ConsoleStack;
  settings: DeploymentSettings;
}

/**
 * The app as `npm run synth`, `cdk deploy` and the tests build it: one stack for the stage in
 * context, with cdk.json's feature flags whether or not the CDK CLI runs it.
 */
export function createConsoleApp(options: ConsoleAppOptions): ConsoleApp {
  const app = new App({
    outdir: options.outdir,
    context: { ...cdkJson.context, ...options.context },
  });
  const settings = readDeploymentSettings((key) => app.node.tryGetContext(key));
  const stack = new ConsoleStack(app, stackNameOf(settings.stage), {
    settings,
    env: { region: settings.region, account: settings.account },
    buildDir: options.buildDir,
    description: `Cognito IAM console (${settings.stage})`,
    terminationProtection: settings.production,
  });
  if (options.nag) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack, settings };
}
