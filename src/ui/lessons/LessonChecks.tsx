/**
 * The step's checks with ✓ or ✗. They re-run on every change of the lab; "Check my lab" announces
 * the count for those who want to ask. A failed check shows what its probe printed.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckResult } from '../../lessons/checker';
import { secondaryButton } from './styles';

export function LessonChecks({ results }: { results: readonly CheckResult[] }) {
  const { t } = useTranslation('lessons');
  const [asked, setAsked] = useState(false);
  const passed = results.filter((r) => r.passed).length;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-xs font-semibold">{t('ui.checks')}</h3>
        <button type="button" onClick={() => setAsked(true)} className={secondaryButton}>
          {t('ui.checkMyLab')}
        </button>
      </div>
      <ul className="flex flex-col gap-1">
        {results.map((r) => (
          <li key={r.check.descriptionKey} className="text-xs">
            <span className="flex items-start gap-1.5">
              <span
                aria-hidden="true"
                className={
                  r.passed
                    ? 'text-emerald-600 dark:text-emerald-400'
                    : 'text-rose-600 dark:text-rose-400'
                }
              >
                {r.passed ? '✓' : '✗'}
              </span>
              <span>
                {t(r.check.descriptionKey)}
                <span className="sr-only"> ({t(r.passed ? 'ui.passed' : 'ui.failed')})</span>
              </span>
            </span>
            {!r.passed && (
              <details className="ml-4 text-[11px] text-slate-600 dark:text-slate-400">
                <summary className="cursor-pointer">{t('ui.why')}</summary>
                <p>
                  {r.detail
                    ? t('ui.probePrinted', { probe: r.check.probe })
                    : t('ui.probeSilent', { probe: r.check.probe, exitCode: r.output.exitCode })}
                </p>
                {r.detail && (
                  <pre className="overflow-x-auto rounded bg-slate-100 p-1 font-mono dark:bg-slate-800">
                    {r.detail}
                  </pre>
                )}
              </details>
            )}
          </li>
        ))}
      </ul>
      <p role="status" className="text-[11px] text-slate-600 dark:text-slate-400">
        {asked ? t('ui.status', { passed, total: results.length }) : ''}
      </p>
    </div>
  );
}
