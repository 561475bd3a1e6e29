/** Enters presentation mode (design.md contract 3: a button named `Present`; Esc leaves). */
import { useTranslation } from 'react-i18next';
import { workspaceStore } from '../workspace/workspace-store';

export function PresentButton() {
  const { t } = useTranslation('workspace');
  return (
    <button
      type="button"
      // The contract's name stays English in every language, as Share's does.
      aria-label="Present"
      title={t('presentHint')}
      onClick={() => workspaceStore.getState().setPresenting(true)}
      className="rounded-md bg-sky-700 px-3 py-1 text-sm font-semibold text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500"
    >
      {t('present')}
    </button>
  );
}
