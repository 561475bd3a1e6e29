/** "Last command changes": the kernel-state diff of the last line, one row per change. */
import { useTranslation } from 'react-i18next';
import { viewStore } from '../../store';
import type { Change } from '../../graph/kernel-diff';
import type { LastChanges } from './use-last-changes';

const SIGN: Record<Change['kind'], string> = { added: '+', removed: '−', changed: '~' };
const COLOUR: Record<Change['kind'], string> = {
  added: 'text-emerald-700 dark:text-emerald-400',
  removed: 'text-red-700 dark:text-red-400',
  changed: 'text-amber-700 dark:text-amber-400',
};

export function ChangesBlock({ last }: { last: LastChanges | undefined }) {
  const { t } = useTranslation('inspector');
  return (
    <details open className="mb-2 rounded-md border border-slate-200 dark:border-slate-700">
      <summary className="cursor-pointer px-2 py-1 text-xs font-semibold">
        {t('changes.title')}
      </summary>
      <div className="px-2 pb-2 text-xs">
        {!last ? (
          <p className="text-slate-600 dark:text-slate-400">{t('changes.none')}</p>
        ) : (
          <>
            <p className="mb-1 font-mono text-slate-600 wrap-anywhere dark:text-slate-400">
              $ {last.command}
            </p>
            {last.changes.length === 0 ? (
              <p className="text-slate-600 dark:text-slate-400">{t('changes.nothing')}</p>
            ) : (
              // Capped so the selected object's own blocks stay in view; focusable to scroll by keyboard.
              <ul
                aria-label={t('changes.title')}
                tabIndex={0}
                className="flex max-h-40 flex-col gap-0.5 overflow-y-auto"
              >
                {last.changes.map((c, i) => (
                  <li key={`${c.kind}${c.what}${c.text}${i}`} className="flex gap-1.5">
                    <span aria-hidden="true" className={`w-3 shrink-0 font-bold ${COLOUR[c.kind]}`}>
                      {SIGN[c.kind]}
                    </span>
                    <span className="min-w-0">
                      <span className={`font-medium ${COLOUR[c.kind]}`}>
                        {t(`changes.${c.kind}`, { what: t(`what.${c.what}`) })}
                      </span>{' '}
                      {c.ref ? (
                        <button
                          type="button"
                          onClick={() => viewStore.getState().select(c.ref)}
                          className="font-mono wrap-anywhere hover:underline"
                        >
                          {c.text}
                        </button>
                      ) : (
                        <span className="font-mono wrap-anywhere">{c.text}</span>
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </details>
  );
}
