export const USAGE = `Usage: console-api [options] METHOD PATH|URL

Calls the console's APIs signed with SigV4 (admin API), with the ID token (general API) or as
given (ops API), from a terminal, a job or a Lambda.

  METHOD                GET, POST, PUT, PATCH, DELETE or HEAD
  PATH|URL              a route path such as /admin/users?group=admin, or a full URL

Options:
  --api admin|general|ops   which API PATH is on (default: admin)
  -d, --data DATA           request body: a JSON string, @file, or @- for stdin
  -H, --header 'N: V'       an extra header (repeatable); signed with the request
  -i, --include             print the status line and headers before the body
      --config URL|FILE     the console's config.json (default: $CONSOLE_CONFIG, else
                            http://127.0.0.1:5173/config.json); a URL must be https://
                            (http:// on this machine only) and must not redirect
      --region REGION       signing region (default: the config's, else $AWS_REGION)
      --login EMAIL         sign in to the user pool (SRP) and use the identity pool's
                            credentials of your groups' least-privileged role, as the
                            browser does; the password is prompted without echo or read
                            from $COGNITO_PASSWORD; with an authenticator app, so is its
                            six-digit code ($COGNITO_TOTP_CODE)
      --role ROLE           with --login: act as this one of your groups' roles instead
                            (role name, group name or role ARN; CustomRoleArn)
      --profile NAME        AWS credentials from this shared-config profile (SSO too)
      --role-arn ARN        assume this role first, with the credentials found above
      --print-curl          print the equivalent curl --aws-sigv4 command and exit; the
                            keys stay shell variables ($AWS_ACCESS_KEY_ID, ...)
  -h, --help                this text

Without --login or --profile, credentials come from the default AWS chain: environment
(AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), shared files, SSO, container
and instance roles.

Exit status: 0 for 2xx, 4 for 4xx (and a refused sign-in, such as a wrong code), 5 for 5xx,
2 for usage errors, 1 when the API could not be reached.
`;

/** Bad arguments: printed with the usage, exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
