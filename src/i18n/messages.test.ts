import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ja } from './ja';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the Japanese messages', () => {
  const english = leaves(en as unknown as Tree);
  const japanese = leaves(ja as unknown as Tree);

  it('have every English key and no other', () => {
    expect([...japanese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('fill in the same values as the English ones', () => {
    for (const [key, text] of english) {
      expect({ key, placeholders: placeholders(japanese.get(key) ?? '') }).toEqual({
        key,
        placeholders: placeholders(text),
      });
    }
  });

  it('are all translated (none empty, none left in English)', () => {
    const sameOnPurpose = new Set(['app.languages.en', 'app.languages.ja']);
    for (const [key, text] of japanese) {
      expect(text.trim(), key).not.toBe('');
      if (!sameOnPurpose.has(key)) expect(text, key).not.toBe(english.get(key));
    }
  });
});
