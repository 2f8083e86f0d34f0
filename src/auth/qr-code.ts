/**
 * An `otpauth://` URI as a QR code: an SVG in a data URL, which an `<img>` shows under the
 * console's CSP (`img-src 'self' data:`), with no script or style of its own.
 *
 * The QR library is imported here, when a setup step first draws a code, so it never weighs
 * on the sign-in screen's first download.
 */
export async function qrCodeDataUrl(text: string): Promise<string> {
  // A CommonJS module: its exports are its default, in the bundle and in Node alike.
  const qrcode = (await import('qrcode')).default;
  const svg = await qrcode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${btoa(svg)}`;
}
