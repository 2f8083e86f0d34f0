import { statSync } from 'node:fs';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { build, type BuildOptions } from 'esbuild';
import { functionEntry } from '../../infra/local/lambda/bundle';

/** The `BundlingOptions` NodejsFunction turns into esbuild arguments that this file translates. */
const TRANSLATED = new Set([
  'format',
  'target',
  'minify',
  'sourceMap',
  'sourcesContent',
  'bundleAwsSDK',
  'mainFields',
  // Where esbuild runs, not what it writes.
  'forceDockerBundling',
]);

/**
 * The esbuild options NodejsFunction runs for `bundling` (aws-cdk-lib's `bundling.js`:
 * `esbuild --bundle entry --target --platform=node --format --minify --sourcemap
 * --sources-content --external:…`), so a bench gets the deployed bytes without a CDK synth.
 * An option it does not translate throws rather than bundle something else than a deploy.
 */
export function esbuildOptionsOf(bundling: BundlingOptions): BuildOptions {
  const untranslated = Object.keys(bundling).filter((key) => !TRANSLATED.has(key));
  if (untranslated.length) {
    throw new Error(`esbuildOptionsOf does not translate ${untranslated.join(', ')} yet`);
  }
  return {
    bundle: true,
    platform: 'node',
    format: bundling.format,
    target: bundling.target,
    minify: bundling.minify ?? false,
    sourcemap: bundling.sourceMap ?? false,
    sourcesContent: bundling.sourcesContent ?? true,
    ...(bundling.mainFields ? { mainFields: bundling.mainFields } : {}),
    // Without bundleAwsSDK, NodejsFunction leaves the SDK to the runtime's copy.
    external: bundling.bundleAwsSDK ? [] : ['@aws-sdk/*'],
    logLevel: 'error',
  };
}

export interface HandlerBundle {
  /** `index.js`, the name Lambda's `index.handler` loads. */
  path: string;
  bytes: number;
  sourceMapBytes: number | null;
}

/** Bundles the handler `name` of `infra/functions/` into `dir` as NodejsFunction would. */
export async function bundleHandler(
  name: string,
  bundling: BundlingOptions,
  dir: string,
): Promise<HandlerBundle> {
  const path = `${dir}/index.js`;
  await build({ ...esbuildOptionsOf(bundling), entryPoints: [functionEntry(name)], outfile: path });
  const sourceMap = bundling.sourceMap ? statSync(`${path}.map`).size : null;
  return { path, bytes: statSync(path).size, sourceMapBytes: sourceMap };
}
