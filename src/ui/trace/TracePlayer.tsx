/**
 * The packet trace player, a compact strip docked under the graph: the command whose packets are
 * shown, the controls, the current event in words (announced politely to screen readers) and the
 * verdict with a drop's cause in red. The list of events with filters and details is drawn in the
 * side panel's Packet events tab (a portal), so the graph keeps its room. The graph follows the step.
 */
import { useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { explainEvent, words } from '../../graph/explain';
import { hopTarget, type Hop, type HopCategory } from '../../graph/trace-path';
import { parseRef } from '../../graph/refs';
import { failureOf, type TraceEvent } from '../../sim';
import { useReadyLab } from '../../store';
import { useView, viewStore } from '../../store/view-store';
import { EventDetails } from './EventDetails';
import { EventList, FilterBar } from './EventList';
import { placeNamer } from './place-name';
import { PlayerControls } from './PlayerControls';
import { useTraceOnGraph } from './use-trace-on-graph';
import { useTracePlayer } from './use-trace-player';
import { useWorkspace, workspaceStore } from '../workspace/workspace-store';

const RED =
  'border border-red-300 bg-red-50 font-medium text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200';

export function TracePlayer() {
  const { t } = useTranslation('trace');
  const [hidden, setHidden] = useState<ReadonlySet<HopCategory>>(new Set());
  const player = useTracePlayer(hidden);
  const { entry, computed, hops, step, playing, atStart, atEnd } = player.state;
  const speed = useView((s) => s.speed);
  const world = useReadyLab((s) => s.world);
  const eventsSlot = useWorkspace((s) => s.eventsSlot);
  useTraceOnGraph(entry, hops, step, speed);

  const place = useMemo(() => placeNamer(world, t), [world, t]);
  const say = (event: TraceEvent) =>
    words(explainEvent(event, place), (key, params) => t(key, params));
  const sentence = (hop: Hop) => say(hop.event);
  const where = (hop: Hop) => {
    const ref = parseRef(hopTarget(hop) ?? '');
    if (ref?.kind === 'device') return `${ref.dev} (${place(ref.netns)})`;
    if (ref?.kind === 'netns') return place(ref.netns);
    if (ref?.kind === 'dns') return `127.0.0.11 (${ref.network})`;
    return '';
  };

  if (!entry?.trace)
    return (
      <section
        aria-label={t('title')}
        data-empty
        className="flex min-w-0 items-baseline gap-2 rounded-lg border border-dashed border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-400"
      >
        <h2 className="shrink-0 font-semibold text-slate-800 dark:text-slate-200">{t('title')}</h2>
        <p className="min-w-0 truncate" title={t('empty')}>
          {t('empty')}
        </p>
      </section>
    );

  const current = step > 0 ? hops[step - 1] : undefined;
  const failure = entry.trace.verdict === 'dropped' ? failureOf(entry.trace.events) : undefined;
  const toggle = (c: HopCategory) =>
    setHidden((h) => {
      const next = new Set(h);
      if (!next.delete(c)) next.add(c);
      return next;
    });
  const pick = (i: number) => {
    player.goTo(i);
    const ref = hopTarget(hops[i]);
    if (ref) viewStore.getState().select(ref);
    // The pick came from the Packet events list: it stays in front (with the picked event's
    // details and the keyboard focus) rather than giving way to the Inspector.
    workspaceStore.getState().showTab('events');
  };

  const failed = atEnd && failure !== undefined;
  const redNow = failed && current?.event === failure;
  return (
    <section
      aria-label={t('title')}
      className="flex max-h-[40%] min-h-0 shrink-0 flex-col gap-1 overflow-y-auto *:shrink-0 rounded-lg border border-slate-200 bg-white px-3 py-1.5 text-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <header className="flex flex-wrap items-center gap-2">
        <h2 className="font-semibold">{t('title')}</h2>
        <code className="min-w-0 truncate rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:bg-slate-800">
          {entry.command}
        </code>
        {computed && (
          <span className="text-xs text-amber-700 dark:text-amber-300">{t('computed')}</span>
        )}
        <Verdict done={atEnd} verdict={entry.trace.verdict} />
        <PlayerControls playing={playing} atStart={atStart} atEnd={atEnd} actions={player} />
        <span className="ml-auto text-xs text-slate-600 tabular-nums dark:text-slate-400">
          {t('progress', { step, total: hops.length })}
        </span>
        <button
          type="button"
          className="rounded px-1.5 text-xs text-slate-600 dark:text-slate-400 hover:bg-slate-100 dark:hover:bg-slate-800"
          onClick={() => viewStore.getState().stopTrace()}
        >
          {t('controls.close')}
        </button>
      </header>
      {/* At a drop's last event the sentence itself turns red; a failed lookup (told at the first
          event) stays in view under the current one. */}
      <p
        aria-live="polite"
        data-testid={redNow ? 'trace-drop' : undefined}
        className={`min-h-[2rem] rounded px-2 py-1 ${redNow ? RED : 'bg-slate-50 dark:bg-slate-800/60'}`}
      >
        {current ? `${redNow ? '✗ ' : ''}${sentence(current)}` : ''}
      </p>
      {failed && !redNow && (
        <p data-testid="trace-drop" className={`rounded px-2 py-1 ${RED}`}>
          ✗ {say(failure)}
        </p>
      )}
      {eventsSlot &&
        createPortal(
          <div className="flex flex-col gap-2 p-1">
            <FilterBar hidden={hidden} toggle={toggle} />
            <EventList
              hops={hops}
              current={step - 1}
              hidden={hidden}
              sentence={sentence}
              onPick={pick}
            />
            {current && <EventDetails hop={current} where={where(current)} />}
          </div>,
          eventsSlot,
        )}
    </section>
  );
}

function Verdict({ done, verdict }: { done: boolean; verdict: 'delivered' | 'dropped' }) {
  const { t } = useTranslation('trace');
  if (!done)
    return (
      <span data-testid="trace-verdict" className="text-xs text-slate-600 dark:text-slate-400">
        {t('verdict.playing')}
      </span>
    );
  return (
    <span
      data-testid="trace-verdict"
      className={`rounded px-1.5 py-0.5 text-xs font-semibold text-white ${verdict === 'delivered' ? 'bg-green-700' : 'bg-red-700'}`}
    >
      {verdict === 'delivered' ? `✓ ${t('verdict.delivered')}` : `✗ ${t('verdict.dropped')}`}
    </span>
  );
}
