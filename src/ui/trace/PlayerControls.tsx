/** Play/pause, step back/forward, replay from the start, and the speed slider. */
import { useTranslation } from 'react-i18next';
import { useView, viewStore } from '../../store/view-store';

const BUTTON =
  'rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-40 dark:border-slate-600 dark:bg-slate-800 dark:hover:bg-slate-700';

export interface ControlActions {
  play: () => void;
  pause: () => void;
  back: () => void;
  forward: () => void;
  replay: () => void;
}

export function PlayerControls({
  playing,
  atStart,
  atEnd,
  actions,
}: {
  playing: boolean;
  atStart: boolean;
  atEnd: boolean;
  actions: ControlActions;
}) {
  const { t } = useTranslation('trace');
  const speed = useView((s) => s.speed);
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <button type="button" className={BUTTON} onClick={actions.replay}>
        <span aria-hidden>⟲</span> {t('controls.replay')}
      </button>
      <button type="button" className={BUTTON} onClick={actions.back} disabled={atStart}>
        <span aria-hidden>◀</span> {t('controls.back')}
      </button>
      {playing ? (
        <button type="button" className={BUTTON} onClick={actions.pause}>
          <span aria-hidden>❚❚</span> {t('controls.pause')}
        </button>
      ) : (
        <button type="button" className={BUTTON} onClick={actions.play}>
          <span aria-hidden>▶</span> {t('controls.play')}
        </button>
      )}
      <button type="button" className={BUTTON} onClick={actions.forward} disabled={atEnd}>
        {t('controls.forward')} <span aria-hidden>▶</span>
      </button>
      <label className="ml-2 flex items-center gap-1 text-xs text-slate-600 dark:text-slate-300">
        {t('controls.speed')}
        <input
          type="range"
          aria-label={t('controls.speed')}
          min={0.5}
          max={8}
          step={0.5}
          value={speed}
          aria-valuetext={t('controls.speedValue', { speed })}
          onChange={(e) => viewStore.getState().setSpeed(Number(e.target.value))}
        />
        <span className="w-16 tabular-nums">{t('controls.speedValue', { speed })}</span>
      </label>
    </div>
  );
}
