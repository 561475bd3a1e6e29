import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import { labStore } from './store';
import { App } from './ui/App';

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
