/** A Blob's text, read the way jsdom can (its Blob has no `text()`). */
export function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('The Blob could not be read'));
    reader.readAsText(blob);
  });
}
