/** A role's name from its ARN (`…:role/{path/}{name}`): what people see of a role. */
export function roleName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}
