import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './args';
import { curlCommand, curlUrl, shellQuoted } from './print-curl';
import { UsageError } from './usage';

describe('the command line', () => {
  it('reads METHOD, PATH and the options', () => {
    expect(
      parseCliArgs([
        '--api',
        'general',
        '-H',
        'X-Trace: a:b',
        '-d',
        '@body.json',
        '-i',
        '--login',
        'a@example.com',
        'post',
        '/api/me',
      ]),
    ).toMatchObject({
      method: 'POST',
      target: '/api/me',
      api: 'general',
      headers: [['X-Trace', 'a:b']],
      data: '@body.json',
      include: true,
      login: 'a@example.com',
    });
  });

  it.each([
    [[]],
    [['GET']],
    [['FETCH', '/x']],
    [['GET', 'x']],
    [['--api', 'other', 'GET', '/x']],
    [['-H', 'nocolon', 'GET', '/x']],
    [['--unknown', 'GET', '/x']],
    [['--login', 'a@example.com', '--profile', 'p', 'GET', '/x']],
  ])('refuses %j with a usage error', (argv) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
  });
});

describe('--print-curl', () => {
  it('writes the query sorted and RFC 3986-encoded, as curl 7.88 must sign it', () => {
    expect(curlUrl("https://h.example/p?z=1&b=a b&a=x'y&b=%2541")).toBe(
      'https://h.example/p?a=x%27y&b=%2541&b=a%20b&z=1',
    );
  });

  it('quotes for the shell, so nothing in a body or header is run', () => {
    expect(shellQuoted('plain/path-1.json')).toBe('plain/path-1.json');
    expect(shellQuoted(`it's $(rm -rf /)`)).toBe(`'it'\\''s $(rm -rf /)'`);
  });

  it('leaves the keys as shell variables', () => {
    const command = curlCommand({
      method: 'POST',
      url: new URL('https://api.example/prod/admin/announcements'),
      region: 'ap-northeast-1',
      service: 'execute-api',
      headers: [['content-type', 'application/json']],
      body: '{"title":"t"}',
      sessionToken: true,
    });
    expect(command).toBe(
      `curl --aws-sigv4 aws:amz:ap-northeast-1:execute-api --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" -H "x-amz-security-token: $AWS_SESSION_TOKEN" --globoff -X POST -H 'content-type: application/json' --data-raw '{"title":"t"}' https://api.example/prod/admin/announcements`,
    );
  });
});
