// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { blobText } from '../testing/blob-text';
import { downloadFile, REVOKE_AFTER_MS } from './download-file';

const { createObjectURL, revokeObjectURL } = URL;

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  Object.assign(URL, { createObjectURL, revokeObjectURL });
});

describe('downloadFile', () => {
  it('clicks a download link to the text as a Blob, and revokes its URL after the click', async () => {
    vi.useFakeTimers();
    // jsdom has no object URLs: these stand in for the browser's.
    const made: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      made.push(blob);
      return 'blob:https://console.example/1';
    });
    URL.revokeObjectURL = vi.fn();
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });

    downloadFile('users.csv', 'email\r\n', 'text/csv');

    expect(clicked.map((link) => [link.download, link.href])).toEqual([
      ['users.csv', 'blob:https://console.example/1'],
    ]);
    // Still readable while the browser starts the download, then let go.
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    vi.advanceTimersByTime(REVOKE_AFTER_MS);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:https://console.example/1');

    vi.useRealTimers(); // jsdom's FileReader reads on timers
    expect(made[0]?.type).toBe('text/csv');
    expect(await blobText(made[0]!)).toBe('email\r\n');
  });
});
