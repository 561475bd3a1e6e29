import { TopologyOutline } from './outline/TopologyOutline';
import { ShareButton, ShareNotice } from './share/Share';
import { Terminal } from './terminal/Terminal';
import { TopologyPlaceholder } from './topology/TopologyPlaceholder';

export function App() {
  return (
    <div className="flex h-dvh flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <header className="flex items-center gap-3 border-b border-slate-200 bg-white px-5 py-3 dark:border-slate-800 dark:bg-slate-900">
        <img src="/favicon.svg" alt="" className="h-8 w-8" />
        <div>
          <h1 className="text-lg leading-tight font-semibold">Docker Network Lab</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Practise Docker networking on a simulated Linux host, right in your browser.
          </p>
        </div>
        <ShareNotice />
        <ShareButton />
      </header>
      <main className="grid min-h-0 flex-1 grid-rows-[minmax(12rem,2fr)_minmax(0,3fr)] gap-4 p-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)] lg:grid-rows-1">
        {/* On a short panel the outline keeps its room and the column scrolls to the placeholder. */}
        <div className="flex min-h-0 flex-col gap-4 overflow-y-auto">
          <TopologyOutline />
          <div className="flex shrink-0 flex-col">
            <TopologyPlaceholder />
          </div>
        </div>
        <Terminal />
      </main>
    </div>
  );
}
