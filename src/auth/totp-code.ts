/**
 * What a code field keeps of what was typed or pasted: its first six digits, so a code pasted
 * as authenticator apps show it ("123 456") still fits.
 */
export const onlyDigits = (typed: string) => typed.replace(/\D/g, '').slice(0, 6);
