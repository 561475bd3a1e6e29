/**
 * The Packet events tab: the trace player (docked under the graph) draws its filters, event list
 * and details here, so the graph keeps its room while a trace plays.
 */
import { useTranslation } from 'react-i18next';
import { useView } from '../../store/view-store';
import { useWorkspace } from '../workspace/workspace-store';

export function EventsTab() {
  const { t } = useTranslation('workspace');
  const playing = useView((s) => s.playback !== undefined);
  const setSlot = useWorkspace((s) => s.setEventsSlot);
  return (
    <div className="flex min-h-0 flex-1 flex-col text-sm">
      {!playing && <p className="p-3 text-slate-600 dark:text-slate-400">{t('noEvents')}</p>}
      <div ref={setSlot} className="flex min-h-0 flex-1 flex-col" />
    </div>
  );
}
