/** Every text a lesson names exists in both languages' `lessons` namespace, and no text is orphaned. */
import { describe, expect, it } from 'vitest';
import en from '../i18n/locales/en/lessons.json';
import zh from '../i18n/locales/zh/lessons.json';
import { LESSONS } from './index';
import type { Lesson } from './lesson';

function keysOf(lesson: Lesson): string[] {
  return [
    lesson.titleKey,
    lesson.goalKey,
    lesson.summaryKey,
    ...lesson.steps.flatMap((s) => [
      s.textKey,
      ...(s.lookKey ? [s.lookKey] : []),
      ...s.checks.map((c) => c.descriptionKey),
      ...(s.question
        ? [s.question.promptKey, s.question.explanationKey, ...s.question.choices.map((c) => c.key)]
        : []),
    ]),
  ];
}

const lookup = (messages: unknown, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], messages);

function leafKeys(value: unknown, prefix: string): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leafKeys(v, `${prefix}.${k}`));
}

describe('lesson texts', () => {
  for (const lesson of LESSONS) {
    it(`${lesson.id}: every key has an English and a Chinese text, and every text is used`, () => {
      const used = keysOf(lesson);
      for (const key of used) {
        expect(typeof lookup(en, key), `en ${key}`).toBe('string');
        expect(typeof lookup(zh, key), `zh ${key}`).toBe('string');
      }
      expect(leafKeys(lookup(en, lesson.id), lesson.id).sort()).toEqual([...new Set(used)].sort());
    });
  }
});
