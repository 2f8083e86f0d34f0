/**
 * How long the file's object URL outlives the click. Firefox and Safari read it after
 * `click()` has returned (Mozilla bug 1282407): revoked at once, no file is saved.
 */
export const REVOKE_AFTER_MS = 10_000;

/**
 * Hands `text` to the browser as a file download named `filename`: a Blob behind an object
 * URL, clicked as an `<a download>`. The URL is revoked a little later, so the text is not
 * held in memory for as long as the page is open.
 */
export function downloadFile(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
