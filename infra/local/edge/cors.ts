import type { ServerResponse } from 'node:http';
import type { OperationContext } from '../aws/json-service';

/*
 * CORS at the AWS edge. In AWS, cognito-idp, cognito-identity and secretsmanager answer a
 * preflight from any origin with `Access-Control-Allow-Origin: *`, the requested headers
 * echoed, `Access-Control-Allow-Methods: POST`, the expose list below and
 * `Access-Control-Max-Age: 172800` (curl preflights to each, us-east-1, recorded in
 * AllanZhengYP/cors-test output.md, 2021-02-16; the 172800 also in aws-amplify/amplify-js#4346).
 *
 * The local edge is stricter, as a developer's laptop must be: the preflight allows only the
 * headers aws-amplify sends to Cognito's public operations, so no browser page can send a
 * signature (`Authorization`, `X-Amz-Date`, `X-Amz-Security-Token`) here at all; and answers
 * to IAM-authorised operations (every secretsmanager one included) carry no CORS, nor does
 * `/_local/`. Whether real Cognito puts CORS headers on the JWKS could not be confirmed; it is
 * public data, so it keeps `*`.
 */

/**
 * What aws-amplify v6 sends to cognito-idp and cognito-identity from a browser: its serializers
 * (`content-type: application/x-amz-json-1.1`, `x-amz-target`), the user-agent middleware
 * (`x-amz-user-agent`), the retry middlewares (`amz-sdk-invocation-id`, `amz-sdk-request`) and
 * the no-cache middleware (`cache-control: no-store`). Lower case, as browsers list them.
 */
export const AMPLIFY_COGNITO_HEADERS = [
  'amz-sdk-invocation-id',
  'amz-sdk-request',
  'cache-control',
  'content-type',
  'x-amz-target',
  'x-amz-user-agent',
] as const;

const EXPOSE_HEADERS = 'x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date';
const MAX_AGE_SECONDS = 172800;

/** The answer to any preflight outside `/_local/`: the endpoint does not know the operation yet. */
export function sendEdgePreflight(res: ServerResponse): void {
  res.writeHead(200, {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Headers': AMPLIFY_COGNITO_HEADERS.join(','),
    'Access-Control-Allow-Methods': 'POST',
    'Access-Control-Expose-Headers': EXPOSE_HEADERS,
    'Access-Control-Max-Age': String(MAX_AGE_SECONDS),
    'Content-Length': '0',
  });
  res.end();
}

/** The CORS headers of a public answer (a public operation's, or the JWKS), for any origin. */
export function allowAnyOrigin(res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', EXPOSE_HEADERS);
}

/**
 * Notes whether the operation asks who signed it (`authenticate` or `authorize`): that is what
 * makes it IAM-authorised, whichever service marks it so, and its answer then gets no CORS.
 */
export function watchForSigning(context: OperationContext): () => boolean {
  let signed = false;
  const authenticate = context.authenticate.bind(context);
  const authorize = context.authorize.bind(context);
  context.authenticate = () => {
    signed = true;
    return authenticate();
  };
  context.authorize = (action, resource, shownAs) => {
    signed = true;
    return authorize(action, resource, shownAs);
  };
  return () => signed;
}
