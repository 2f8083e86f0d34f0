/**
 * The name authenticator apps show beside the account (the `otpauth://` URI's issuer), so a
 * person with several accounts can tell this console's code from the others.
 */
export const TOTP_ISSUER = 'Cognito IAM console';
