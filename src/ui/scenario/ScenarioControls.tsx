/**
 * The header's scenario controls: Undo, Redo, New lab, the timeline (the history cursor: scrub it
 * to watch the lab being built command by command), Export and Import. All of them move or
 * replace the command log; none adds a command.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { canRedo, canUndo, labStore, useLab } from '../../store';
import { ExportMenu } from './ExportMenu';
import { useHistoryKeys } from './use-history-keys';

const BUTTON =
  'rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40 focus-visible:outline-2 focus-visible:outline-sky-600 dark:border-slate-700 dark:bg-slate-800 dark:hover:bg-slate-700';

export function ScenarioControls() {
  const { t } = useTranslation('scenario');
  useHistoryKeys();
  const undoable = useLab(canUndo);
  const redoable = useLab(canRedo);
  const { undo, redo, reset } = labStore.getState();

  return (
    <div role="group" aria-label={t('controls')} className="flex flex-wrap items-center gap-1.5">
      <button
        type="button"
        onClick={undo}
        disabled={!undoable}
        title={t('undoHint')}
        className={BUTTON}
      >
        {t('undo')}
      </button>
      <button
        type="button"
        onClick={redo}
        disabled={!redoable}
        title={t('redoHint')}
        className={BUTTON}
      >
        {t('redo')}
      </button>
      <button type="button" onClick={reset} title={t('newLabHint')} className={BUTTON}>
        {t('newLab')}
      </button>
      <Timeline />
      <ExportMenu buttonClass={BUTTON} />
      <ImportButton />
    </div>
  );
}

function Timeline() {
  const { t } = useTranslation('scenario');
  const cursor = useLab((s) => s.cursor);
  const total = useLab((s) => s.log.length);
  const seek = useLab((s) => s.seek);
  const step = t('step', { step: cursor, total });
  return (
    <label className="flex items-center gap-2 px-1 text-xs text-slate-600 dark:text-slate-300">
      <span className="sr-only">{t('timeline')}</span>
      <input
        type="range"
        aria-label={t('timeline')}
        aria-valuetext={step}
        min={0}
        max={total}
        value={cursor}
        disabled={total === 0}
        onChange={(e) => seek(Number(e.target.value))}
        className="w-20 accent-sky-600 min-[1440px]:w-28"
      />
      <span aria-hidden="true" className="tabular-nums">
        {step}
      </span>
    </label>
  );
}

async function importFile(file: File) {
  labStore.getState().importFile(new Uint8Array(await file.arrayBuffer()));
}

function ImportButton() {
  const { t } = useTranslation('scenario');
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => inputRef.current?.click()} className={BUTTON}>
        {t('import')}
      </button>
      <input
        ref={inputRef}
        type="file"
        accept=".json,.sh,.txt,application/json,text/plain"
        aria-label={t('importFile')}
        className="sr-only"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void importFile(file);
        }}
      />
    </>
  );
}
