import { z } from 'zod';

/**
 * The stack's outputs: `npm run deploy` prints them and `npm run create-admin` reads them from
 * the file `cdk deploy --outputs-file` writes. No CDK imports, so the scripts start quickly.
 */
export const OUTPUTS = {
  siteUrl: 'SiteUrl',
  adminApiUrl: 'AdminApiUrl',
  opsApiUrl: 'OpsApiUrl',
  region: 'Region',
  userPoolId: 'UserPoolId',
  userPoolClientId: 'UserPoolClientId',
  identityPoolId: 'IdentityPoolId',
  opsTokenSecretName: 'OpsTokenSecretName',
} as const;

export type StackOutputs = Record<keyof typeof OUTPUTS, string>;

/** Where `npm run deploy` has `cdk deploy` write the outputs (git-ignored). */
export const OUTPUTS_FILE = 'infra/cdk/cdk.outputs.json';

const outputsSchema = z.object(
  Object.fromEntries(Object.values(OUTPUTS).map((name) => [name, z.string().min(1)])),
);

/**
 * One stack's outputs from an outputs file (`{ "StackName": { "SiteUrl": … } }`): the stack
 * named, or the only one in the file.
 */
export function stackOutputsFrom(fileText: string, stackName?: string): StackOutputs {
  const stacks = z.record(z.string(), z.record(z.string(), z.string())).parse(JSON.parse(fileText));
  const names = Object.keys(stacks);
  const name = stackName ?? (names.length === 1 ? names[0] : undefined);
  if (!name || !stacks[name]) {
    throw new Error(
      stackName
        ? `${OUTPUTS_FILE} has no outputs of ${stackName} (it has: ${names.join(', ') || 'none'}); deploy it first.`
        : `${OUTPUTS_FILE} holds ${names.length} stacks; name the stage with --stage.`,
    );
  }
  const raw = outputsSchema.parse(stacks[name]) as Record<string, string>;
  return Object.fromEntries(
    Object.entries(OUTPUTS).map(([key, output]) => [key, raw[output]!]),
  ) as StackOutputs;
}
