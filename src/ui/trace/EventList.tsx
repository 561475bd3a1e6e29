/**
 * The trace as a list: one button per event (the current one marked), filterable by category.
 * Clicking an event moves the player there and selects its device, as a click on the graph would.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hop, HopCategory } from '../../graph/trace-path';

/** The categories a learner can hide; routing, delivery and drops always show. */
const FILTERABLE: readonly HopCategory[] = ['dns', 'arp', 'icmp', 'tcp', 'nat', 'filter'];

const TONE: Record<HopCategory, string> = {
  dns: 'bg-violet-100 text-violet-800 dark:bg-violet-900/60 dark:text-violet-100',
  arp: 'bg-sky-100 text-sky-800 dark:bg-sky-900/60 dark:text-sky-100',
  icmp: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-100',
  tcp: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-100',
  nat: 'bg-amber-100 text-amber-800 dark:bg-amber-900/60 dark:text-amber-100',
  filter: 'bg-orange-100 text-orange-800 dark:bg-orange-900/60 dark:text-orange-100',
  route: 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100',
  deliver: 'bg-green-700 text-white',
  drop: 'bg-red-600 text-white',
};

export function FilterBar({
  hidden,
  toggle,
}: {
  hidden: ReadonlySet<HopCategory>;
  toggle: (c: HopCategory) => void;
}) {
  const { t } = useTranslation('trace');
  return (
    <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
      <legend className="sr-only">{t('filters')}</legend>
      <span aria-hidden className="text-slate-600 dark:text-slate-400">
        {t('filters')}:
      </span>
      {FILTERABLE.map((c) => (
        <label key={c} className="flex items-center gap-1">
          <input type="checkbox" checked={!hidden.has(c)} onChange={() => toggle(c)} />
          {t(`category.${c}`)}
        </label>
      ))}
    </fieldset>
  );
}

export function EventList({
  hops,
  current,
  hidden,
  sentence,
  onPick,
}: {
  hops: readonly Hop[];
  /** Index of the hop shown, or -1 before the first. */
  current: number;
  hidden: ReadonlySet<HopCategory>;
  sentence: (hop: Hop) => string;
  onPick: (index: number) => void;
}) {
  const { t } = useTranslation('trace');
  const shown = useRef<HTMLButtonElement>(null);
  // Keep the event being played in sight as the list scrolls.
  useEffect(() => {
    shown.current?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);
  return (
    <ul
      aria-label={t('list')}
      className="flex max-h-48 min-h-0 flex-col gap-0.5 overflow-y-auto pr-1 text-xs"
    >
      {hops.map((hop, i) =>
        hidden.has(hop.category) ? null : (
          <li key={i}>
            <button
              type="button"
              ref={i === current ? shown : undefined}
              aria-current={i === current ? 'step' : undefined}
              onClick={() => onPick(i)}
              className={`flex w-full items-start gap-2 rounded px-1.5 py-1 text-left ${i === current ? 'bg-blue-100 ring-1 ring-blue-400 dark:bg-blue-900/50' : i < current ? 'hover:bg-slate-100 dark:hover:bg-slate-800' : 'text-slate-600 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800'}`}
            >
              <span className="w-5 shrink-0 text-right text-slate-600 dark:text-slate-400 tabular-nums">
                {i + 1}
              </span>
              <span className={`shrink-0 rounded px-1 font-medium ${TONE[hop.category]}`}>
                {t(`category.${hop.category}`)}
              </span>
              <span aria-hidden className="shrink-0 text-slate-600 dark:text-slate-400">
                {hop.direction === 'request' ? '→' : '←'}
              </span>
              <span className="min-w-0">
                {hop.lookup && (
                  <span className="mr-1 text-violet-700 dark:text-violet-300">
                    {t('dnsQuery')}:
                  </span>
                )}
                {sentence(hop)}
              </span>
            </button>
          </li>
        ),
      )}
    </ul>
  );
}
