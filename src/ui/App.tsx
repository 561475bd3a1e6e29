import { useTranslation } from 'react-i18next';
import { Toolbar } from './actions/Toolbar';
import { GraphView } from './graph/GraphView';
import { Inspector } from './inspector/Inspector';
import { LanguageSwitch } from './lessons/LanguageSwitch';
import { LessonPanel } from './lessons/LessonPanel';
import { ReachabilityMatrix } from './matrix/ReachabilityMatrix';
import { TopologyOutline } from './outline/TopologyOutline';
import { ScenarioControls } from './scenario/ScenarioControls';
import { ShareButton, ShareNotice } from './share/Share';
import { Terminal } from './terminal/Terminal';
import { TracePlayer } from './trace/TracePlayer';

/**
 * The lab's page. Each area lives in its own folder and reads the stores itself:
 * header (scenario, language, share) · toolbar · [outline + lesson | graph + trace | inspector,
 * matrix + terminal].
 */
export function App() {
  const { t } = useTranslation();
  return (
    <div className="flex h-dvh flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <header className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
        <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" className="h-8 w-8" />
        <div className="mr-2">
          <h1 className="text-lg leading-tight font-semibold">{t('app.title')}</h1>
          <p className="text-xs text-slate-600 dark:text-slate-400">{t('app.tagline')}</p>
        </div>
        <ScenarioControls />
        <ShareNotice />
        <div className="ml-auto flex items-center gap-2">
          <LanguageSwitch />
          <ShareButton />
        </div>
      </header>
      <Toolbar />
      <main className="grid min-h-0 flex-1 grid-cols-1 gap-3 overflow-y-auto p-3 lg:grid-cols-[17rem_minmax(0,1fr)_minmax(0,26rem)] lg:overflow-hidden">
        <div className="flex min-h-0 flex-col gap-3 overflow-y-auto">
          <LessonPanel />
          <TopologyOutline />
        </div>
        <div className="flex min-h-[28rem] flex-col gap-3 lg:min-h-0">
          <GraphView />
          <TracePlayer />
        </div>
        <div className="flex min-h-0 flex-col gap-3">
          <Inspector />
          {/* The terminal is where every click shows up: it keeps the most room; the matrix scrolls. */}
          <div className="max-h-72 min-h-0 shrink-0 overflow-y-auto rounded-lg">
            <ReachabilityMatrix />
          </div>
          <div className="grid min-h-64 flex-[1.4] grid-rows-1">
            <Terminal />
          </div>
        </div>
      </main>
    </div>
  );
}
