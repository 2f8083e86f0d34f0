import type { RuntimeConfig } from './runtime-config';

/**
 * The headers the SPA's origin sends with every file: CloudFront's response headers policy in
 * the cloud and the local preview server are both built from here, so the CSP the e2e run
 * checks is the one that ships.
 */
export const SECURITY_HEADERS = {
  /** Two years, as hstspreload.org asks; browsers ignore it over plain http (locally). */
  strictTransportSecurity: { maxAgeSeconds: 63_072_000, includeSubdomains: true },
  contentTypeOptions: 'nosniff',
  frameOptions: 'DENY',
  referrerPolicy: 'strict-origin-when-cross-origin',
  /** Headers CloudFront's policy has no field for; it sends them as custom headers. */
  custom: {
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  },
} as const;

/**
 * The origins the SPA calls: Cognito's two services (the local edge when the config names
 * one), the admin API, and the general API when it is not on the SPA's own origin.
 */
export function connectOriginsOf(config: RuntimeConfig): string[] {
  const origins = [
    config.userPoolEndpoint ?? `https://cognito-idp.${config.region}.amazonaws.com`,
    config.identityPoolEndpoint ?? `https://cognito-identity.${config.region}.amazonaws.com`,
    config.adminApiUrl,
    ...(config.generalApiUrl.startsWith('/') ? [] : [config.generalApiUrl]),
  ].map((url) => new URL(url).origin);
  return [...new Set(origins)];
}

/**
 * A strict policy: scripts and styles only from the SPA's origin (no `unsafe-inline`, no
 * `eval`), calls only to `connectOrigins`, no framing, no plugins. The origins are taken as
 * given so the CDK app can pass tokens that resolve at deploy time.
 */
export function contentSecurityPolicy(connectOrigins: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "manifest-src 'self'",
    `connect-src 'self' ${connectOrigins.join(' ')}`.trimEnd(),
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Every security header as name → value, for servers that set headers directly. */
export function securityHeaderValues(connectOrigins: readonly string[]): Record<string, string> {
  const hsts = SECURITY_HEADERS.strictTransportSecurity;
  return {
    'Content-Security-Policy': contentSecurityPolicy(connectOrigins),
    'Strict-Transport-Security': `max-age=${hsts.maxAgeSeconds}${hsts.includeSubdomains ? '; includeSubDomains' : ''}`,
    'X-Content-Type-Options': SECURITY_HEADERS.contentTypeOptions,
    'X-Frame-Options': SECURITY_HEADERS.frameOptions,
    'Referrer-Policy': SECURITY_HEADERS.referrerPolicy,
    ...SECURITY_HEADERS.custom,
  };
}
