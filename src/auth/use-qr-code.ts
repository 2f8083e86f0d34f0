import { useEffect, useState } from 'react';
import { qrCodeDataUrl } from './qr-code';

/** The QR code of `text` once drawn (`src`), or whether drawing it failed. */
export function useQrCode(text: string): { src?: string; failed: boolean } {
  const [drawn, setDrawn] = useState<{ text: string; src?: string; failed: boolean }>();
  useEffect(() => {
    let current = true;
    qrCodeDataUrl(text).then(
      (src) => current && setDrawn({ text, src, failed: false }),
      // The setup key beside it still works; the screen says so.
      () => current && setDrawn({ text, failed: true }),
    );
    return () => {
      current = false;
    };
  }, [text]);
  return drawn?.text === text ? drawn : { failed: false };
}
