import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import './i18n';
import { labStore } from './store';
import { App } from './ui/App';

// A share link (design.md contract 2) opens before the first render, so the lab never flashes empty.
labStore.getState().openHash(location.hash);

window.__lab = {
  getState: () => {
    const { log, world } = labStore.getState();
    return { log, world };
  },
};

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
