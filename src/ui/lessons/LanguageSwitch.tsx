/** English / 中文: two toggle buttons; the choice is remembered and sets `<html lang>`. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../../i18n';

const CHOICES: readonly { lang: Language; label: string; htmlLang: string }[] = [
  { lang: 'en', label: 'English', htmlLang: 'en' },
  { lang: 'zh', label: '中文', htmlLang: 'zh-CN' },
];

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage === 'zh' ? 'zh' : 'en';

  // The language detected at start-up (browser or saved choice) must reach <html lang> too.
  useEffect(() => {
    document.documentElement.lang = CHOICES.find((c) => c.lang === current)?.htmlLang ?? 'en';
  }, [current]);

  return (
    <div
      role="group"
      aria-label={t('language.label')}
      className="flex overflow-hidden rounded-md border border-slate-300 text-xs dark:border-slate-700"
    >
      {CHOICES.map(({ lang, label, htmlLang }) => (
        <button
          key={lang}
          type="button"
          lang={htmlLang}
          aria-pressed={current === lang}
          onClick={() => setLanguage(lang)}
          className={`px-2 py-1 ${current === lang ? 'bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
