/**
 * What the UI lays over the projection, in both themes: the glow of what a command changed, the
 * selection, the trace's lit hop and drop, the moving packet and its NAT label.
 */
import type { StylesheetJson } from 'cytoscape';
import type { Palette } from './palette';

export function overlayStyle(p: Palette): StylesheetJson {
  return [
    {
      selector: '.changed',
      style: { 'underlay-color': p.glow, 'underlay-opacity': 0.55, 'underlay-padding': 8 },
    },
    {
      selector: '.selected',
      style: {
        'underlay-color': p.selected,
        'underlay-opacity': 0.35,
        'underlay-padding': 6,
        'border-color': p.selected,
        'border-width': 3,
      },
    },
    { selector: 'edge.selected', style: { 'line-color': p.selected, width: 5 } },
    {
      selector: '.hop-active',
      style: { 'underlay-color': p.hop, 'underlay-opacity': 0.5, 'underlay-padding': 6 },
    },
    { selector: 'edge.hop-active', style: { 'line-color': p.hop, width: 5 } },
    {
      selector: '.dropped',
      style: { 'underlay-color': p.dropped, 'underlay-opacity': 0.6, 'underlay-padding': 6 },
    },
    { selector: 'edge.dropped', style: { 'line-color': p.dropped, width: 5 } },
    {
      selector: 'node.packet',
      style: {
        shape: 'ellipse',
        width: 14,
        height: 14,
        'background-color': p.packet,
        'border-width': 2,
        'border-color': p.labelBg,
        'z-index': 999,
        label: '',
        events: 'no',
      },
    },
    {
      selector: 'node.nat-label',
      style: {
        // The player's marks say everything at once: they carry no overview text.
        label: 'data(label)',
        'background-opacity': 0,
        'border-width': 0,
        width: 1,
        height: 1,
        color: p.port,
        'font-size': 11,
        'font-weight': 'bold',
        'text-background-color': p.labelBg,
        'text-background-opacity': 0.9,
        'text-background-padding': '3px',
        'z-index': 999,
        events: 'no',
      },
    },
  ];
}
