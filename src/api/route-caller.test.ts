import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { createApiClient, generalApiBase } from './clients';
import { createRouteCaller, ResponseShapeError, type Transport } from './route-caller';

const ADMIN = 'https://abc123.execute-api.ap-northeast-1.amazonaws.com/prod';

function recorder(answer: () => Response) {
  const sent: Array<{ url: string; method: string; body: unknown; contentType: string | null }> =
    [];
  const transport: Transport = async (url, init) => {
    sent.push({
      url: url.href,
      method: init.method ?? 'GET',
      body: init.body === undefined ? undefined : JSON.parse(String(init.body)),
      contentType: new Headers(init.headers).get('content-type'),
    });
    return answer();
  };
  return { sent, transport };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers });

const detail = {
  username: 'u-1',
  email: 'a b@example.com',
  emailVerified: true,
  enabled: true,
  status: 'CONFIRMED',
  mfaEnabled: false,
  createdAt: '2026-11-21T00:00:00.000Z',
  updatedAt: '2026-11-21T00:00:00.000Z',
  groups: ['general', 'admin'],
};

describe('typed clients built from the contract', () => {
  it('fills path parameters as single encoded segments', async () => {
    const { sent, transport } = recorder(() => json(detail));
    const admin = createRouteCaller('admin', ADMIN, transport);
    await admin('addUserToGroup', { params: { username: 'a b/ü', group: 'admin' } });
    expect(sent[0]).toMatchObject({
      method: 'PUT',
      url: `${ADMIN}/admin/users/a%20b%2F%C3%BC/groups/admin`,
    });
  });

  it('puts the query in the URL, leaving out absent values', async () => {
    const { sent, transport } = recorder(() => json({ users: [], nextCursor: null }));
    const admin = createRouteCaller('admin', `${ADMIN}/`, transport);
    await admin('listUsers', {
      query: { attribute: 'email', value: 'a+b', status: 'disabled', cursor: undefined },
    });
    const url = new URL(sent[0]!.url);
    expect(url.pathname).toBe('/prod/admin/users');
    expect([...url.searchParams]).toEqual([
      ['attribute', 'email'],
      ['value', 'a+b'],
      ['status', 'disabled'],
    ]);
  });

  it('sends a body as JSON and returns the parsed answer', async () => {
    const posted = {
      id: '0123456789ab',
      title: 'T',
      body: 'B',
      author: 'admin@example.com',
      authorUsername: '6f1c2d3e-0000-4000-8000-000000000001',
      createdAt: '2026-11-21T00:00:00.000Z',
    };
    const { sent, transport } = recorder(() => json(posted, 201));
    const admin = createRouteCaller('admin', ADMIN, transport);
    await expect(admin('postAnnouncement', { body: { title: 'T', body: 'B' } })).resolves.toEqual(
      posted,
    );
    expect(sent[0]).toMatchObject({
      method: 'POST',
      body: { title: 'T', body: 'B' },
      contentType: 'application/json',
    });
  });

  it('answers nothing for a 204', async () => {
    const { transport } = recorder(() => new Response(null, { status: 204 }));
    const admin = createRouteCaller('admin', ADMIN, transport);
    await expect(
      admin('deleteAnnouncement', { params: { id: '0123456789ab' } }),
    ).resolves.toBeUndefined();
  });

  it('throws an ApiError that knows the URL it was sent to', async () => {
    const { transport } = recorder(() =>
      json({ message: 'The request signature we calculated does not match …' }, 403, {
        'x-amzn-ErrorType': 'InvalidSignatureException',
      }),
    );
    const viaCloudFront = createRouteCaller('admin', 'https://d111.cloudfront.net', transport);
    const error = await viaCloudFront('whoami', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, kind: 'InvalidSignature', hint: 'CloudFrontHost' });
  });

  it('refuses a success whose body breaks the contract', async () => {
    const { transport } = recorder(() => json({ users: 'not a list' }));
    const admin = createRouteCaller('admin', ADMIN, transport);
    await expect(admin('listUsers', {})).rejects.toBeInstanceOf(ResponseShapeError);
  });

  it('calls the general API under its /api paths', async () => {
    const { sent, transport } = recorder(() => json({ announcements: [] }));
    const base = generalApiBase('/api', 'https://console.example.com');
    const general = createRouteCaller('general', base, transport);
    await general('listAnnouncements', {});
    expect(sent[0]!.url).toBe('https://console.example.com/api/announcements');
  });

  it('sends each route of a client of several APIs to its own API', async () => {
    const { sent, transport } = recorder(() => json({ announcements: [] }));
    const api = createApiClient({
      admin: { baseUrl: ADMIN, transport },
      general: { baseUrl: 'https://console.example.com', transport },
    });
    await api('listAnnouncementsAdmin', {});
    await api('listAnnouncements', {});
    expect(sent.map((s) => s.url)).toEqual([
      `${ADMIN}/admin/announcements`,
      'https://console.example.com/api/announcements',
    ]);
  });

  it('refuses a route of an API it was given no address for', async () => {
    const { sent, transport } = recorder(() => json({}));
    const adminOnly = createApiClient({ admin: { baseUrl: ADMIN, transport } });
    await expect(adminOnly('listAnnouncements' as never, {} as never)).rejects.toThrow(
      'listAnnouncements is a route of the general API',
    );
    expect(sent).toEqual([]);
  });
});

describe('generalApiBase', () => {
  it.each([
    ['/api', 'https://console.example.com'],
    ['/api/', 'https://console.example.com'],
    [
      'https://g.execute-api.ap-northeast-1.amazonaws.com/prod/api',
      'https://g.execute-api.ap-northeast-1.amazonaws.com/prod',
    ],
  ])('%s → %s', (configured, base) => {
    expect(generalApiBase(configured, 'https://console.example.com')).toBe(base);
  });
});
