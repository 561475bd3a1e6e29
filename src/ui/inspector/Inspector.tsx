/**
 * The inspector: for the selected object (the host when nothing is selected), what a learner
 * would otherwise type to see it — each block titled by its command, with the engine's output —
 * and what the last command changed in the kernel and the daemon.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useReadyLab, useView } from '../../store';
import { inspectViews } from '../../store/lab-engine';
import { openMenu } from '../actions/action-store';
import { ChangesBlock } from './ChangesBlock';
import { inspectedOf } from './inspected';
import { useLastChanges } from './use-last-changes';

export function Inspector() {
  const { t } = useTranslation('inspector');
  const world = useReadyLab((s) => s.world);
  const selected = useView((s) => s.selected);
  const inspected = useMemo(() => inspectedOf(world, selected), [world, selected]);
  const views = useMemo(() => inspectViews(world, inspected), [world, inspected]);
  const last = useLastChanges();

  return (
    <section
      aria-label="Inspector"
      className="flex max-h-[45vh] min-h-40 flex-col overflow-hidden rounded-xl border border-slate-200 bg-white lg:max-h-none lg:min-h-64 lg:flex-1 dark:border-slate-800 dark:bg-slate-900"
    >
      <header className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
        <h2 className="min-w-0 truncate text-sm font-semibold">
          {t(`heading.${inspected.kind}`)} <span className="font-mono">{inspected.name}</span>
          {inspected.host && (
            <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">
              {t('onHost', { host: inspected.host })}
            </span>
          )}
        </h2>
        <button
          type="button"
          aria-haspopup="menu"
          onClick={(e) => {
            const box = e.currentTarget.getBoundingClientRect();
            openMenu({ ref: inspected.ref, x: box.right - 224, y: box.bottom + 4 });
          }}
          className="shrink-0 rounded-md border border-slate-300 px-2 py-0.5 text-xs font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          {t('actions')}
        </button>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto px-3 py-2 text-sm">
        <ChangesBlock last={last} />
        {views.map((v, i) => (
          <details key={v.command} open={i < 2} className="group mb-1.5">
            <summary className="cursor-pointer rounded px-1 py-0.5 font-mono text-xs text-sky-800 wrap-anywhere hover:bg-slate-100 dark:text-sky-300 dark:hover:bg-slate-800">
              <span className="text-slate-400 select-none">$ </span>
              {v.command}
            </summary>
            {/* Focusable so a keyboard can scroll a long table. */}
            <pre
              tabIndex={0}
              className="mt-1 max-h-72 overflow-auto rounded-md bg-zinc-950 px-3 py-2 font-mono text-xs leading-5 text-zinc-100 [tab-size:8]"
            >
              {v.text === '' ? <span className="text-zinc-500 italic">{t('empty')}</span> : v.text}
            </pre>
          </details>
        ))}
      </div>
    </section>
  );
}
