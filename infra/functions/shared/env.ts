/** A configuration value the deployment must set (CDK in AWS, the local stack locally). */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
}

/** A comma-separated list, e.g. the exact origins CORS allows. */
export function listEnv(name: string): string[] {
  return requireEnv(name)
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
