import { vi } from 'vitest';

/**
 * aws-amplify/auth's calls the session uses, each a `vi.fn()`, for
 * `vi.mock('aws-amplify/auth', () => import('…/testing/amplify-auth-mock').then((m) => m.amplifyAuthMock()))`:
 * a test then gives each the answer its case needs (`vi.mocked(signIn).mockResolvedValue(…)`).
 */
export function amplifyAuthMock() {
  return {
    signIn: vi.fn(),
    confirmSignIn: vi.fn(),
    signOut: vi.fn(),
    fetchAuthSession: vi.fn(),
    getCurrentUser: vi.fn(),
    fetchMFAPreference: vi.fn(),
    setUpTOTP: vi.fn(),
    verifyTOTPSetup: vi.fn(),
    updateMFAPreference: vi.fn(),
  };
}
