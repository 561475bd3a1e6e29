/**
 * The lab bar along the top, one row from 1280 px: undo/redo and the timeline, the lab's actions
 * (run, create network, ping, reset), the language, share and Present. Compact, so the graph
 * below keeps the room; the title shows in words where there is space for it.
 */
import { useTranslation } from 'react-i18next';
import { Toolbar } from '../actions/Toolbar';
import { LanguageSwitch } from '../lessons/LanguageSwitch';
import { ScenarioControls } from '../scenario/ScenarioControls';
import { ShareButton, ShareNotice } from '../share/Share';
import { PresentButton } from './PresentButton';

export function LabBar() {
  const { t } = useTranslation();
  return (
    <header className="flex flex-wrap items-center gap-x-2 gap-y-1 border-b border-slate-200 bg-white px-3 py-1.5 dark:border-slate-800 dark:bg-slate-900">
      <img
        src={`${import.meta.env.BASE_URL}favicon.svg`}
        alt=""
        title={t('app.title')}
        className="h-7 w-7"
      />
      <h1
        className="sr-only text-base leading-tight font-semibold min-[1700px]:not-sr-only"
        title={t('app.tagline')}
      >
        {t('app.title')}
      </h1>
      <ScenarioControls />
      <Toolbar />
      <ShareNotice />
      <div className="ml-auto flex items-center gap-2">
        <LanguageSwitch />
        <ShareButton />
        <PresentButton />
      </div>
    </header>
  );
}
