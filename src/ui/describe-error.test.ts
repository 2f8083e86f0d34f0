import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { decodeApiError } from '../api/api-error';
import { en } from '../i18n/en';
import { ja } from '../i18n/ja';
import { describeError } from './describe-error';

async function translator(language: 'en' | 'ja'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: { en: { translation: en }, ja: { translation: ja } },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

/** A handler's refusal as the console decodes it from the API's answer. */
const refusal = (status: number, body: Record<string, string>) =>
  decodeApiError(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', 'x-amzn-requestid': 'req-1' },
    }),
  );

describe('a handler refusal the console has words for', () => {
  const outranked = () =>
    refusal(403, {
      message:
        'boss@example.com is in the admin group, which has more rights than yours; ask an administrator.',
      code: 'OutranksCaller',
      group: 'admin',
    });

  it('OutranksCaller names the group the answer names, in English', async () => {
    expect(describeError(await outranked(), await translator('en'))).toEqual({
      message:
        'This user is in the admin group, which has more rights than your role, so your role cannot do this to them: ask an administrator.',
      requestId: 'req-1',
    });
  });

  it('OutranksCaller names the group the answer names, in Japanese', async () => {
    const { message } = describeError(await outranked(), await translator('ja'));
    expect(message).toContain('admin グループ');
    expect(message).not.toContain('{{');
  });

  it('AccessRevoked and SelfProtection are worded by the console, not the API', async () => {
    const t = await translator('ja');
    const revoked = await refusal(403, { message: 'English only', code: 'AccessRevoked' });
    const self = await refusal(403, { message: 'English only', code: 'SelfProtection' });
    expect(describeError(revoked, t).message).toBe(ja.api.codes.AccessRevoked);
    expect(describeError(self, t).message).toBe(ja.api.codes.SelfProtection);
  });
});

describe('a handler refusal with a code the console has no words for', () => {
  it('is the API’s own message', async () => {
    const error = await refusal(409, { message: 'Something new happened.', code: 'SomethingNew' });
    expect(describeError(error, await translator('en')).message).toBe('Something new happened.');
  });
});
