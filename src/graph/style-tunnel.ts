/**
 * VXLAN in the picture: the tunnel between two hosts' eth0s (dashed, the outer packets' way over
 * the LAN), and the packet while it is wrapped — the inner packet's dot inside a ring, the outer
 * envelope, labelled with the outer header (VNI, VTEP to VTEP, UDP port).
 */
import type { StylesheetJson } from 'cytoscape';
import type { Palette } from './palette';

export function tunnelStyle(p: Palette): StylesheetJson {
  return [
    {
      selector: 'edge.tunnel',
      style: {
        label: 'data(label)',
        width: 4,
        'line-color': p.dns,
        'line-style': 'dashed',
        'line-dash-pattern': [10, 5],
        color: p.dns,
        'font-size': 13,
        'font-weight': 'bold',
        'text-rotation': 'none',
        'text-background-color': p.labelBg,
        'text-background-opacity': 0.9,
      },
    },
    {
      // One overlay network across hosts: a broad translucent band from br0 to br0, under the
      // tunnel that carries it; its label below it, clear of each br0's name over its bar.
      selector: 'edge.overlay-band',
      style: {
        label: 'data(label)',
        width: 14,
        'line-color': p.bridge,
        'line-opacity': 0.45,
        'curve-style': 'straight',
        color: p.text,
        'font-size': 13,
        'font-weight': 'bold',
        'text-rotation': 'none',
        'text-margin-y': 16,
        'text-background-color': p.labelBg,
        'text-background-opacity': 0.9,
        'z-index': 1,
      },
    },
    // After the packet's own style: the envelope replaces its thin outline.
    {
      selector: 'node.packet.wrapped',
      style: {
        width: 30,
        height: 30,
        'border-width': 8,
        'border-color': p.dns,
        label: 'data(label)',
        color: p.text,
        // As large as the names it passes: the outer header is what the step is about.
        'font-size': 15,
        'font-weight': 'bold',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-background-color': p.labelBg,
        'text-background-opacity': 0.9,
        'text-background-padding': '2px',
      },
    },
  ];
}
