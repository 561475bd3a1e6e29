/** Which UI language to start in: the learner's saved choice, else the browser's first match. */
export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_KEY = 'dnl.language';

export function detectLanguage(
  saved: string | null | undefined,
  browser: readonly string[],
): Language {
  if (saved === 'en' || saved === 'zh') return saved;
  for (const tag of browser) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'zh') return 'zh';
    if (primary === 'en') return 'en';
  }
  return 'en';
}
