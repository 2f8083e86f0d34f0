/**
 * Evaluates the few CloudFormation intrinsics the template's strings use (`Ref`,
 * `Fn::GetAtt`, `Fn::Join`, `Fn::Sub` without variables map) with made-up values for the
 * resources, so a test can read an ARN, a CSP or config.json as AWS would see them.
 */
export interface IntrinsicValues {
  /** Logical id (or pseudo parameter such as `AWS::Partition`) → value of `Ref`. */
  refs: Record<string, string>;
  /** `LogicalId.Attribute` → value of `Fn::GetAtt`. */
  attributes?: Record<string, string>;
}

export const PSEUDO_PARAMETERS = {
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
} as const;

export function resolveIntrinsics(value: unknown, values: IntrinsicValues): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value);
    const [name, argument] = entries[0] ?? [];
    if (entries.length === 1 && name === 'Ref') return lookup(values.refs, String(argument));
    if (entries.length === 1 && name === 'Fn::GetAtt') {
      const [id, attribute] = argument as [string, string];
      return lookup(values.attributes ?? {}, `${id}.${attribute}`);
    }
    if (entries.length === 1 && name === 'Fn::Join') {
      const [separator, parts] = argument as [string, unknown[]];
      return parts.map((part) => resolveIntrinsics(part, values)).join(separator);
    }
    if (entries.length === 1 && name === 'Fn::Sub' && typeof argument === 'string') {
      return argument.replace(/\$\{([^}]+)\}/g, (_, ref: string) => lookup(values.refs, ref));
    }
  }
  throw new Error(`Cannot resolve ${JSON.stringify(value)}`);
}

function lookup(table: Record<string, string>, key: string): string {
  const found = table[key] ?? (PSEUDO_PARAMETERS as Record<string, string>)[key];
  if (found === undefined) throw new Error(`No value given for ${key}`);
  return found;
}
