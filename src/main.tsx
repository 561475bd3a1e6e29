import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import './i18n';
import { SHARE_HASH_PREFIX } from './share/hash';
import {
  AUTOSAVE_KEY,
  labReady,
  labStore,
  readyLab,
  selectAppliedLog,
  startAutosave,
} from './store';
import { App } from './ui/App';
import { afterEngine } from './ui/lazy';
import { openLessonHash } from './ui/lessons/lesson-store';

// Its service worker precaches the whole app: registered once the engine is in, those downloads
// never hold up the first command on a slow link.
const UpdatePrompt = afterEngine(
  () => import('./ui/update/UpdatePrompt').then((m) => m.UpdatePrompt),
  ['update'],
);

function readAutosave(): string | null {
  try {
    return localStorage.getItem(AUTOSAVE_KEY);
  } catch {
    return null;
  }
}

// Asked for now, applied the moment the engine is in and before any line typed meanwhile: the
// autosaved lab comes back, then a share link (design.md contract 2) wins over it, keeping it one
// undo away. The link leaves the address bar at once, so a reload restores the lab as the learner
// left it, not the link.
labStore.getState().restore(readAutosave());
if (location.hash.startsWith(SHARE_HASH_PREFIX)) {
  labStore.getState().openHash(location.hash);
  history.replaceState(null, '', location.pathname + location.search);
}
startAutosave(labStore, localStorage);
// A lesson link (`#lesson=<id>`) opens that lesson, in a new lab once the engine is in.
openLessonHash(location.hash);

void labReady.then(() => {
  window.__lab = {
    getState: () => {
      const s = readyLab();
      return { log: selectAppliedLog(s), world: s.world, history: s.log, cursor: s.cursor };
    },
  };
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    {/* Only while the strings of a language other than English download. */}
    <Suspense>
      <App />
    </Suspense>
    <Suspense>
      <UpdatePrompt />
    </Suspense>
  </StrictMode>,
);
