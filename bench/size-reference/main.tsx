/**
 * The first-load JS reference of issue #4: the least a React page drawing one Cytoscape graph
 * ships. Built with the app's own vite.config.ts so chunking and minification match. It notes
 * when its graph is first on screen (the frame after Cytoscape's first `render`), the reference
 * for bench:ui's time to first command.
 */
import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';

declare global {
  interface Window {
    __firstGraphPaint?: number;
  }
}

function Graph() {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const cy = cytoscape({ container: box.current, elements: [{ data: { id: 'host' } }] });
    cy.one('render', () =>
      requestAnimationFrame(() => (window.__firstGraphPaint ??= performance.now())),
    );
    return () => cy.destroy();
  }, []);
  return <div ref={box} style={{ width: 400, height: 300 }} />;
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Graph />);
