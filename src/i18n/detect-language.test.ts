import { describe, expect, it } from 'vitest';
import { detectLanguage } from './i18n';

describe('the language the console starts in', () => {
  it('is the one the person chose before, whatever the browser prefers', () => {
    expect(detectLanguage('en', ['ja-JP', 'ja'])).toBe('en');
    expect(detectLanguage('ja', ['en-US'])).toBe('ja');
  });

  it('is otherwise the browser’s first supported language, by its primary subtag', () => {
    expect(detectLanguage(null, ['ja-JP', 'en-US'])).toBe('ja');
    expect(detectLanguage(null, ['fr-FR', 'JA', 'en'])).toBe('ja');
    expect(detectLanguage(null, ['en-GB', 'ja'])).toBe('en');
  });

  it('is English when nothing stored or preferred is supported', () => {
    expect(detectLanguage('de', ['fr-FR', 'zh-CN'])).toBe('en');
    expect(detectLanguage(null, [])).toBe('en');
  });
});
