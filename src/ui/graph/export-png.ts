/** Saves the whole graph, not just the visible part, as a PNG at twice the screen's density. */
import type { Core } from 'cytoscape';

export const PNG_NAME = 'docker-network-lab.png';

export function exportPng(cy: Core, background: string): void {
  const blob = cy.png({ full: true, scale: 2, bg: background, output: 'blob' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = PNG_NAME;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
