import { useAutoTabs } from './workspace/use-auto-tabs';
import { usePageTheme } from './workspace/use-page-theme';
import { usePresentKeys } from './workspace/use-present-keys';
import { Workspace } from './workspace/Workspace';

/**
 * The lab's page, graph first (issue 9): src/ui's folders follow its regions — lab-bar, graph
 * (with the trace strip), side-panel (lessons, outline, inspector, matrix, packet events) and
 * terminal — arranged by workspace/ for the desktop, presentation mode and the phone. The first
 * screen paints before the engine; what needs it loads after it (lazy.ts).
 */
export function App() {
  usePresentKeys();
  useAutoTabs();
  usePageTheme();
  return (
    <div className="flex h-dvh flex-col overflow-hidden bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <Workspace />
    </div>
  );
}
