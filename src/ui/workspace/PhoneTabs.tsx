/** The phone layout's tab bar: which one region (Graph, Terminal, Tools) fills the screen. */
import { useTranslation } from 'react-i18next';
import { PHONE_REGIONS, useWorkspace, workspaceStore } from './workspace-store';

export function PhoneTabs() {
  const { t } = useTranslation('workspace');
  const region = useWorkspace((s) => s.phoneRegion);
  return (
    <nav
      aria-label={t('phone.label')}
      className="grid shrink-0 grid-cols-3 border-t border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      {PHONE_REGIONS.map((r) => (
        <button
          key={r}
          type="button"
          aria-pressed={r === region}
          onClick={() => workspaceStore.getState().showRegion(r)}
          className={`py-2.5 text-sm font-semibold focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-500 ${
            r === region
              ? 'bg-sky-700 text-white'
              : 'text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800'
          }`}
        >
          {t(`phone.${r}`)}
        </button>
      ))}
    </nav>
  );
}
