import { canonicalUrl } from '../api/sign-request';

/** A word for a POSIX shell, in single quotes. */
export const shellQuoted = (word: string) =>
  /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;

/**
 * The query in SigV4's order and encoding: curl 7.88 signs the query exactly as written
 * (newer curl sorts it itself), so it must already be canonical.
 */
export function curlUrl(input: string | URL): string {
  const url = canonicalUrl(input);
  const pairs = url.search
    .slice(1)
    .split('&')
    .filter(Boolean)
    .sort((a, b) => {
      const [ka = '', va = ''] = a.split('=');
      const [kb = '', vb = ''] = b.split('=');
      return ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0;
    });
  url.search = pairs.join('&');
  return url.href;
}

/**
 * The same signed request as a `curl --aws-sigv4` command. The keys stay shell variables,
 * so the command can be shared and kept without leaking them.
 */
export function curlCommand(request: {
  method: string;
  url: URL;
  region: string;
  service: string;
  headers: Array<[string, string]>;
  body?: string;
  sessionToken: boolean;
}): string {
  const words = [
    'curl',
    '--aws-sigv4',
    shellQuoted(`aws:amz:${request.region}:${request.service}`),
    '--user',
    '"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"',
  ];
  if (request.sessionToken) words.push('-H', '"x-amz-security-token: $AWS_SESSION_TOKEN"');
  // --globoff: a [ or ] in the URL is literal, not one of curl's ranges. HEAD needs --head, or
  // curl waits for a body that never comes.
  words.push('--globoff');
  words.push(...(request.method === 'HEAD' ? ['--head'] : ['-X', request.method]));
  for (const [name, value] of request.headers) words.push('-H', shellQuoted(`${name}: ${value}`));
  // --data-raw sends the text as is, never reading a leading @ as a file name.
  if (request.body !== undefined) words.push('--data-raw', shellQuoted(request.body));
  words.push(shellQuoted(curlUrl(request.url)));
  return words.join(' ');
}
