// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { chooseMode, MODE_STORAGE_KEY, resolveMode, storedModeChoice } from './visual-mode';

afterEach(() => {
  localStorage.clear();
  document.body.className = '';
});

describe('visual mode', () => {
  it('follows the operating system until a mode is chosen', () => {
    expect(storedModeChoice()).toBe('system');
    expect(resolveMode('system', true)).toBe('dark');
    expect(resolveMode('system', false)).toBe('light');
    expect(resolveMode('light', true)).toBe('light');
  });

  it('remembers a choice and applies it to the page', () => {
    chooseMode('dark');
    expect(localStorage.getItem(MODE_STORAGE_KEY)).toBe('dark');
    expect(document.body.classList.contains('awsui-dark-mode')).toBe(true);
    chooseMode('light');
    expect(document.body.classList.contains('awsui-dark-mode')).toBe(false);
    expect(storedModeChoice()).toBe('light');
  });

  it('reads an unknown stored value as "system"', () => {
    localStorage.setItem(MODE_STORAGE_KEY, 'sepia');
    expect(storedModeChoice()).toBe('system');
  });
});
