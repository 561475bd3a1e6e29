/// <reference types="vite-plugin-pwa/react" />
/**
 * The "new version" prompt of the service worker (vite.config.ts). The update waits for the
 * learner: reloading mid-lesson is their call, and the autosave brings the lab back after it.
 */
import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';

/** A lab left open for a whole lesson still hears about a new deploy. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

export function UpdatePrompt() {
  const { t } = useTranslation('update');
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (registration) setInterval(() => void registration.update(), UPDATE_CHECK_MS);
    },
  });
  if (!needRefresh) return null;
  const button =
    'rounded-md px-3 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600';
  return (
    // Bottom left, away from the terminal, which stays usable while the prompt waits.
    <div
      role="status"
      className="fixed bottom-4 left-4 z-50 flex max-w-sm flex-col gap-2 rounded-lg border border-slate-300 bg-white p-3 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
    >
      <p>{t('available')}</p>
      <div className="flex justify-end gap-2">
        <button
          type="button"
          className={`${button} text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800`}
          onClick={() => setNeedRefresh(false)}
        >
          {t('later')}
        </button>
        <button
          type="button"
          className={`${button} bg-sky-700 text-white hover:bg-sky-800`}
          onClick={() => void updateServiceWorker(true)}
        >
          {t('reload')}
        </button>
      </div>
    </div>
  );
}
