import { describe, expect, it } from 'vitest';
import type { RuntimeConfig } from '@contract/runtime-config';
import { amplifyConfigFrom } from './configure-amplify';

const cloudConfig: RuntimeConfig = {
  region: 'ap-northeast-1',
  userPoolId: 'ap-northeast-1_AbC123xyz',
  userPoolClientId: 'abcdef1234567890',
  identityPoolId: 'ap-northeast-1:11111111-2222-3333-4444-555555555555',
  adminApiUrl: 'https://abc123.execute-api.ap-northeast-1.amazonaws.com/prod',
  generalApiUrl: '/api',
};

describe('amplifyConfigFrom', () => {
  it('configures the user pool, identity pool and email sign-in', () => {
    expect(amplifyConfigFrom(cloudConfig)).toEqual({
      Auth: {
        Cognito: {
          userPoolId: 'ap-northeast-1_AbC123xyz',
          userPoolClientId: 'abcdef1234567890',
          identityPoolId: 'ap-northeast-1:11111111-2222-3333-4444-555555555555',
          loginWith: { email: true },
        },
      },
    });
  });

  it('leaves the endpoints out in the cloud so Amplify uses the regional AWS ones', () => {
    const cognito = amplifyConfigFrom(cloudConfig).Auth?.Cognito;
    expect(cognito).not.toHaveProperty('userPoolEndpoint');
    expect(cognito).not.toHaveProperty('identityPoolEndpoint');
  });

  it('passes the local stack endpoints when the config has them', () => {
    const cognito = amplifyConfigFrom({
      ...cloudConfig,
      userPoolEndpoint: 'http://127.0.0.1:4566',
      identityPoolEndpoint: 'http://127.0.0.1:4566',
    }).Auth?.Cognito;
    expect(cognito).toMatchObject({
      userPoolEndpoint: 'http://127.0.0.1:4566',
      identityPoolEndpoint: 'http://127.0.0.1:4566',
    });
  });
});
