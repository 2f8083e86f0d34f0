import { fetchMFAPreference } from 'aws-amplify/auth';

/**
 * Whether the signed-in person has an authenticator app turned on, as the user pool records
 * it (Cognito's GetUser). Loaded only when asked, so general users' sign-in never downloads it.
 */
export async function hasTotp(): Promise<boolean> {
  const { enabled } = await fetchMFAPreference();
  return enabled?.includes('TOTP') ?? false;
}
