import { describe, expect, it } from 'vitest';
import {
  COGNITO_ASSIGNED_ATTRIBUTES,
  SPA_CLIENT_SETTINGS,
  STANDARD_ATTRIBUTES,
  USER_POOL_SETTINGS,
  customAttribute,
} from './user-pool-settings';

const knownAttributes = new Set<string>([
  ...STANDARD_ATTRIBUTES,
  ...Object.keys(USER_POOL_SETTINGS.customAttributes).map(customAttribute),
]);

describe("the SPA's app client, as both deployments read it", () => {
  it('signs in with SRP only, and refreshes, which Cognito requires of every client', () => {
    expect([...SPA_CLIENT_SETTINGS.explicitAuthFlows].sort()).toEqual([
      'ALLOW_REFRESH_TOKEN_AUTH',
      'ALLOW_USER_SRP_AUTH',
    ]);
  });

  it('names only attributes the pool has', () => {
    for (const name of [
      ...SPA_CLIENT_SETTINGS.readAttributes,
      ...SPA_CLIENT_SETTINGS.writeAttributes,
    ]) {
      expect(knownAttributes.has(name), name).toBe(true);
    }
  });

  it('lets users write neither verification flags, nor what Cognito assigns, nor cognito:*', () => {
    const write = SPA_CLIENT_SETTINGS.writeAttributes;
    // Empty would mean "every standard attribute" to Cognito.
    expect(write.length).toBeGreaterThan(0);
    for (const name of write) {
      expect(name).not.toMatch(/_verified$|^cognito:/);
      expect(COGNITO_ASSIGNED_ATTRIBUTES).not.toContain(name);
    }
  });

  it('keeps every required attribute writable', () => {
    const required = Object.entries(USER_POOL_SETTINGS.standardAttributes)
      .filter(([, schema]) => schema.required)
      .map(([name]) => name);
    for (const name of required) expect(SPA_CLIENT_SETTINGS.writeAttributes).toContain(name);
  });
});

describe("the pool's MFA, as both deployments read it", () => {
  it('lets each user choose an authenticator app, and offers no SMS', () => {
    expect(USER_POOL_SETTINGS.mfa).toBe('OPTIONAL');
    expect(USER_POOL_SETTINGS.mfaSecondFactor).toEqual({ otp: true, sms: false });
  });
});
