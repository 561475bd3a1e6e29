/**
 * The graph-first workspace. One tree for every mode, so the graph's Cytoscape canvas and the
 * terminal are never remounted: the graph (with the trace strip docked under it) beside one
 * column holding the side panel's tabs over the terminal.
 * - desktop (768 px and up): splitters resize both groups; the sizes are remembered.
 * - present: graph and terminal only, large (plus the lesson being followed); Esc leaves.
 * - phone (below 768 px): one region at a time — Graph, Terminal or Tools — chosen in a tab bar.
 */
import { Suspense, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Group, Panel, useDefaultLayout, useGroupRef, type Layout } from 'react-resizable-panels';
import { LabBar } from '../lab-bar/LabBar';
import { afterEngine } from '../lazy';
import { useLesson } from '../lessons/lesson-store';
import { SidePanel } from '../side-panel/SidePanel';
import { Terminal } from '../terminal/Terminal';
import { forcedLayout, LAYOUT_KEYS, type Mode } from './layouts';
import { PhoneTabs } from './PhoneTabs';
import { Splitter } from './Splitter';
import { useNarrow } from './use-narrow';
import { useWorkspace, workspaceStore } from './workspace-store';
import { useAutoPlay } from '../trace/use-auto-play';

const GraphView = afterEngine(
  () => import('../graph/GraphView').then((m) => m.GraphView),
  ['graph'],
);
const TracePlayer = afterEngine(
  () => import('../trace/TracePlayer').then((m) => m.TracePlayer),
  ['trace'],
);

const PRESENT_TERMINAL =
  '[&>section]:border-2 [&>section]:border-white/70 [&>section]:bg-black [&>section]:text-base [&>section]:leading-6 [&>section]:text-white';

export function Workspace() {
  const { t } = useTranslation('workspace');
  // Mounted with the page, not with the player (which loads after the engine): a ping typed
  // before the player is in still plays once it is.
  useAutoPlay();
  const narrow = useNarrow();
  const presenting = useWorkspace((s) => s.presenting);
  const region = useWorkspace((s) => s.phoneRegion);
  const inLesson = useLesson((s) => s.progress !== undefined);
  const mode: Mode = presenting ? 'present' : narrow ? 'phone' : 'desktop';
  const desktop = mode === 'desktop';

  const mainRef = useGroupRef();
  const sideRef = useGroupRef();
  const saved = { onlySaveAfterUserInteractions: true, storage: localStorage };
  const main = useDefaultLayout({ id: LAYOUT_KEYS.main, ...saved });
  const side = useDefaultLayout({ id: LAYOUT_KEYS.side, ...saved });
  // The learner's sizes, kept while a mode imposes its own and given back when it ends.
  const own = useRef<{ main: Layout; side: Layout } | null>(null);

  useLayoutEffect(() => {
    const forced = forcedLayout(mode, region, inLesson);
    const [m, s] = [mainRef.current, sideRef.current];
    if (!m || !s) return;
    if (!forced) {
      if (own.current) {
        m.setLayout(own.current.main);
        s.setLayout(own.current.side);
        own.current = null;
      }
      return;
    }
    own.current ??= { main: m.getLayout(), side: s.getLayout() };
    const apply = () => {
      m.setLayout(forced.main);
      s.setLayout(forced.side);
    };
    apply();
    // The panels take their new minimum sizes in their own effects: apply again once they have.
    const frame = requestAnimationFrame(apply);
    return () => cancelAnimationFrame(frame);
  }, [mode, region, inLesson, mainRef, sideRef]);

  const shown = (r: 'graph' | 'terminal' | 'tools') =>
    mode !== 'phone' ? r !== 'tools' || desktop : region === r;
  const bars = desktop || (mode === 'phone' && region === 'tools');

  return (
    <>
      <div className={bars ? 'contents' : 'hidden'}>
        <LabBar />
      </div>
      <Group
        orientation="horizontal"
        groupRef={mainRef}
        className={`min-h-0 flex-1 ${mode === 'present' ? 'p-1' : 'p-2'}`}
        defaultLayout={main.defaultLayout}
        onLayoutChanged={main.onLayoutChanged}
      >
        <Panel
          id="graph"
          minSize={mode === 'phone' ? '0%' : '50%'}
          className="flex min-h-0 flex-col gap-1.5"
        >
          <div
            inert={!shown('graph')}
            className={`flex min-h-0 flex-1 flex-col gap-1.5 ${mode === 'present' ? '[&>[data-empty]]:hidden' : ''}`}
          >
            <Suspense fallback={<GraphPlaceholder />}>
              <GraphView />
            </Suspense>
            <Suspense>
              <TracePlayer />
            </Suspense>
          </div>
        </Panel>
        <Splitter label={t('resizeSide')} hidden={!desktop} />
        <Panel
          id="side"
          defaultSize="27%"
          minSize={desktop ? '18rem' : '0%'}
          maxSize={mode === 'phone' ? '100%' : '50%'}
        >
          <div className="flex h-full min-h-0 flex-col gap-2">
            {mode === 'present' && (
              <button
                type="button"
                onClick={() => workspaceStore.getState().setPresenting(false)}
                className="shrink-0 rounded-md border-2 border-slate-900 bg-white px-3 py-1 text-sm font-semibold text-slate-900 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-white dark:bg-black dark:text-white dark:hover:bg-slate-900"
              >
                {t('leavePresent')}
              </button>
            )}
            <Group
              orientation="vertical"
              groupRef={sideRef}
              className="min-h-0 flex-1"
              defaultLayout={side.defaultLayout}
              onLayoutChanged={side.onLayoutChanged}
            >
              <Panel id="tabs" minSize={desktop ? '6rem' : '0%'} className="min-h-0">
                <div
                  inert={!shown('tools') && !(mode === 'present' && inLesson)}
                  className="h-full"
                >
                  <SidePanel only={mode === 'present' ? 'lessons' : undefined} />
                </div>
              </Panel>
              <Splitter vertical label={t('resizeTerminal')} hidden={!desktop} />
              <Panel id="terminal" defaultSize="45%" minSize={desktop ? '8rem' : '0%'}>
                <div
                  inert={!shown('terminal')}
                  className={`grid h-full min-h-0 ${mode === 'present' ? PRESENT_TERMINAL : ''}`}
                >
                  <Terminal />
                </div>
              </Panel>
            </Group>
          </div>
        </Panel>
      </Group>
      {mode === 'phone' && <PhoneTabs />}
    </>
  );
}

/** Where the graph will be, under the same name, while the engine and Cytoscape download. */
function GraphPlaceholder() {
  const { t } = useTranslation('workspace');
  return (
    <section
      aria-label="Topology graph"
      aria-busy="true"
      className="flex min-h-72 flex-1 items-center justify-center rounded-xl border border-slate-200 bg-white text-sm text-slate-500 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400"
    >
      {t('loadingGraph')}
    </section>
  );
}
