/** Saves the whole graph, not just the visible part, as a PNG at twice the screen's density. */
import type { Core } from 'cytoscape';
import { downloadBlob } from '../download';

export function exportPng(cy: Core, background: string): void {
  downloadBlob(
    'docker-network-lab.png',
    cy.png({ full: true, scale: 2, bg: background, output: 'blob' }),
  );
}
