/** `ops-authorizer` → `OpsAuthorizer`: construct ids from the contract's and TABLES' names. */
export const pascalCase = (name: string) =>
  name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
