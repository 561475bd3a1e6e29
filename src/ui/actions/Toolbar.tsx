/**
 * The lab's actions, in the lab bar. Each button opens a dialog that builds the real command
 * line and runs it through the lab, exactly as if typed (design.md rule 1).
 */
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { labReady, labStore, readyLab } from '../../store';
import { afterEngine } from '../lazy';
import { openDialog } from './action-store';

// The dialogs and the context menu need the lab's world: they load after the engine, and a
// dialog asked for before then opens when they are in.
const ActionLayer = afterEngine(() => import('./ActionLayer').then((m) => m.ActionLayer));

const button =
  'rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:hover:bg-slate-700';

/** Another Docker host on the LAN: types `lab add-host hostN` (design.md contract 4). */
function addHost() {
  // The next free name is the engine's to say; a click before it is in waits for it.
  void labReady.then(() => {
    const lab = readyLab();
    lab.run(`lab add-host ${lab.engine.nextHostName(lab.world)}`);
  });
}

export function Toolbar() {
  const { t } = useTranslation('actions');
  return (
    <div
      role="toolbar"
      aria-label={t('toolbar.label')}
      title={t('toolbar.hint')}
      className="flex flex-wrap items-center gap-2"
    >
      <button type="button" className={button} onClick={() => openDialog({ kind: 'run' })}>
        {t('toolbar.run')}
      </button>
      <button type="button" className={button} onClick={() => openDialog({ kind: 'network' })}>
        {t('toolbar.network')}
      </button>
      <button type="button" className={button} onClick={() => openDialog({ kind: 'ping' })}>
        {t('toolbar.ping')}
      </button>
      <button type="button" className={button} onClick={addHost}>
        {t('toolbar.addHost')}
      </button>
      <button type="button" className={button} onClick={() => labStore.getState().reset()}>
        {t('toolbar.reset')}
      </button>
      <span className="hidden max-w-md text-xs text-slate-600 min-[1800px]:inline dark:text-slate-400">
        {t('toolbar.hint')}
      </span>
      <Suspense>
        <ActionLayer />
      </Suspense>
    </div>
  );
}
