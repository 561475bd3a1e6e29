/**
 * Every UI string exists in both languages: the key sets of each namespace's en and zh files
 * match, including namespaces other areas add later (the test reads the folders).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './language';

const root = join(import.meta.dirname, 'locales');

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

const load = (lang: string, file: string): unknown =>
  JSON.parse(readFileSync(join(root, lang, file), 'utf8'));

const namespaceFiles = [
  ...new Set(LANGUAGES.flatMap((lang) => readdirSync(join(root, lang)))),
].filter((f) => f.endsWith('.json'));

describe('locale files', () => {
  it('has a folder per language with the common namespace', () => {
    for (const lang of LANGUAGES) expect(readdirSync(join(root, lang))).toContain('common.json');
  });

  for (const file of namespaceFiles) {
    it(`${file}: en and zh have the same keys, none empty`, () => {
      const [en, zh] = LANGUAGES.map((lang) => {
        const messages = load(lang, file);
        const keys = keysOf(messages).sort();
        for (const key of keys) {
          const text = key
            .split('.')
            .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages);
          expect(typeof text === 'string' && text.trim() !== '', `${lang}/${file}: ${key}`).toBe(
            true,
          );
        }
        return keys;
      });
      expect(zh).toEqual(en);
    });
  }

  it('keeps the same {{placeholders}} in both languages', () => {
    for (const file of namespaceFiles) {
      const en = load('en', file);
      const zh = load('zh', file);
      for (const key of keysOf(en)) {
        const at = (o: unknown) =>
          key
            .split('.')
            .reduce<unknown>((m, k) => (m as Record<string, unknown> | undefined)?.[k], o);
        const vars = (s: unknown) =>
          [...String(s).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
        expect(vars(at(zh)), `${file}: ${key}`).toEqual(vars(at(en)));
      }
    }
  });
});
