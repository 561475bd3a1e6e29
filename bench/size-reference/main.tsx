/**
 * The first-load JS reference of issue #4: the least a React page drawing one Cytoscape graph
 * ships. Built with the app's own vite.config.ts so chunking and minification match.
 */
import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';

function Graph() {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const cy = cytoscape({ container: box.current, elements: [{ data: { id: 'host' } }] });
    return () => cy.destroy();
  }, []);
  return <div ref={box} style={{ width: 400, height: 300 }} />;
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Graph />);
