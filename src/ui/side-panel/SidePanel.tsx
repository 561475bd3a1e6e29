/**
 * The one side panel beside the graph: Lessons, Outline, Inspector, Matrix and Packet events as
 * WAI-ARIA tabs (arrow keys move between them). Every tab stays mounted, so a lesson's place, the
 * outline's focus and the trace's event list survive switching.
 */
import { Suspense, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { partsReady } from '../../store';
import { afterEngine } from '../lazy';
import {
  SIDE_TABS,
  type SideTab,
  useWorkspace,
  workspaceStore,
} from '../workspace/workspace-store';
import { EventsTab } from './EventsTab';

// Every tab's content loads after the engine, hidden ones too, so a tab opened right after the
// page is there at once. A lesson's checks and the inspector's views run `--format` lines, so
// those two wait for the engine's parts as well.
const LessonPanel = afterEngine(
  () => import('../lessons/LessonPanel').then((m) => m.LessonPanel),
  ['lessons'],
  partsReady,
);
const TopologyOutline = afterEngine(
  () => import('../outline/TopologyOutline').then((m) => m.TopologyOutline),
  ['outline'],
);
const Inspector = afterEngine(
  () => import('../inspector/Inspector').then((m) => m.Inspector),
  ['inspector'],
  partsReady,
);
const ReachabilityMatrix = afterEngine(
  () => import('../matrix/ReachabilityMatrix').then((m) => m.ReachabilityMatrix),
  ['matrix', 'trace'],
);

const PANELS: Record<SideTab, () => ReactNode> = {
  lessons: () => <LessonPanel />,
  outline: () => <TopologyOutline />,
  inspector: () => <Inspector />,
  matrix: () => <ReachabilityMatrix />,
  events: () => <EventsTab />,
};

/** `only` shows that one tab's panel, without the tab bar (presentation mode's lesson). */
export function SidePanel({ only }: { only?: SideTab }) {
  const { t } = useTranslation('workspace');
  const active = useWorkspace((s) => s.sideTab);
  const show = workspaceStore.getState().showTab;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = SIDE_TABS.indexOf(active);
    const to =
      e.key === 'ArrowRight'
        ? (i + 1) % SIDE_TABS.length
        : e.key === 'ArrowLeft'
          ? (i + SIDE_TABS.length - 1) % SIDE_TABS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? SIDE_TABS.length - 1
              : undefined;
    if (to === undefined) return;
    e.preventDefault();
    show(SIDE_TABS[to]);
    document.getElementById(`side-tab-${SIDE_TABS[to]}`)?.focus();
  };

  const panel = (tab: SideTab) => (
    <Suspense fallback={<p className="p-3 text-sm text-slate-500">{t('loading')}</p>}>
      {PANELS[tab]()}
    </Suspense>
  );

  if (only) return <div className="h-full overflow-y-auto">{panel(only)}</div>;
  return (
    <div className="flex h-full min-h-0 flex-col gap-2">
      <div
        role="tablist"
        aria-label={t('sidePanel')}
        onKeyDown={onKeyDown}
        className="flex shrink-0 flex-wrap gap-0.5 border-b border-slate-200 dark:border-slate-800"
      >
        {SIDE_TABS.map((tab) => (
          <button
            key={tab}
            id={`side-tab-${tab}`}
            type="button"
            role="tab"
            aria-selected={tab === active}
            aria-controls={`side-panel-${tab}`}
            tabIndex={tab === active ? 0 : -1}
            onClick={() => show(tab)}
            className={`-mb-px shrink-0 rounded-t-md border-b-2 px-2 py-1.5 text-[13px] font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-sky-500 ${
              tab === active
                ? 'border-sky-700 text-sky-800 dark:border-sky-400 dark:text-sky-200'
                : 'border-transparent text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white'
            }`}
          >
            {t(`tabs.${tab}`)}
          </button>
        ))}
      </div>
      {SIDE_TABS.map((tab) => {
        // The outline is the graph's text alternative (design.md contract 3): behind another tab
        // it stays in the accessibility tree, and focusing into it brings its tab forward.
        const textAlternative = tab === 'outline' && tab !== active;
        return (
          <div
            key={tab}
            id={`side-panel-${tab}`}
            role="tabpanel"
            aria-labelledby={`side-tab-${tab}`}
            hidden={tab !== active && !textAlternative}
            onFocus={textAlternative ? () => show(tab) : undefined}
            className={`min-h-0 flex-1 flex-col overflow-y-auto [&:not([hidden])]:flex ${textAlternative ? 'sr-only' : ''}`}
          >
            {panel(tab)}
          </div>
        );
      })}
    </div>
  );
}
