import { SUITE, type SigV4Vector } from '../../../test-fixtures/sigv4/vectors';
import type { SignedRequest, VerifierOptions } from '../gateway/sigv4-verifier';
import type { IssuedCredentials } from '../iam/credentials';

/**
 * AWS's SigV4 test suite as the verifier sees it: the suite's key as a long-term access key
 * (no session token, as its vectors sign none), its region and service, its clock.
 */
const suiteKey: IssuedCredentials = {
  ...SUITE.credentials,
  roleArn: 'arn:aws:iam::000000000000:user/sigv4-suite',
  assumedRoleArn: 'arn:aws:iam::000000000000:user/sigv4-suite',
  issuedAt: 0,
  expiresAt: Number.MAX_SAFE_INTEGER,
};

export const suiteVerifierOptions = (): VerifierOptions => ({
  region: SUITE.region,
  service: SUITE.service,
  now: () => SUITE.signingDate.getTime(),
  findCredentials: (id) => (id === suiteKey.accessKeyId ? suiteKey : undefined),
});

/**
 * A vector's request as it arrives (each header sent once), with `authorization` as given: the
 * vector's own by default.
 */
export function suiteRequest(
  vector: SigV4Vector,
  authorization = vector.authorization,
): SignedRequest {
  const q = vector.target.indexOf('?');
  return {
    method: vector.method,
    rawPath: q < 0 ? vector.target : vector.target.slice(0, q),
    rawQuery: q < 0 ? '' : vector.target.slice(q + 1),
    headers: {
      host: SUITE.host,
      'x-amz-date': SUITE.amzDate,
      ...Object.fromEntries(vector.headers.map(([name, value]) => [name.toLowerCase(), value])),
      authorization,
    },
    body: new TextEncoder().encode(vector.body ?? ''),
  };
}
