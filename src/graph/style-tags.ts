/**
 * The tags that sit on a bridge bar: the embedded DNS badge of a user network and a compose
 * project's tag. Both show a short label; hovered or selected, the whole text over the gap above.
 */
import type { StylesheetJson } from 'cytoscape';
import type { Palette } from './palette';

/** The whole label, above the tag on the label background. */
const expanded = (p: Palette) =>
  ({
    label: 'data(label)',
    'text-valign': 'top',
    'text-margin-y': -4,
    'text-background-color': p.labelBg,
    'text-background-opacity': 0.95,
    'text-background-padding': '3px',
  }) as const;

export function bridgeTagStyle(p: Palette): StylesheetJson {
  return [
    {
      selector: 'node.dns',
      style: {
        shape: 'round-rectangle',
        width: 120,
        height: 24,
        'background-color': p.dns,
        color: '#ffffff',
        'text-valign': 'center',
        'font-size': 13,
        'font-weight': 'bold',
      },
    },
    // The DNS names it answers show only on hover or selection: above the badge, over the gap.
    { selector: 'node.dns.detail', style: { label: 'data(brief)' } },
    {
      selector: 'node.dns.hovered, node.dns.selected',
      style: {
        ...expanded(p),
        color: p.text,
      },
    },
    {
      selector: 'node.compose',
      style: {
        shape: 'round-rectangle',
        width: 92,
        height: 36,
        'background-color': p.boxBg,
        'border-width': 2,
        'border-color': p.bridge,
        color: p.text,
        'text-valign': 'center',
        'font-size': 12,
        'font-weight': 'bold',
      },
    },
    // Zoomed in it keeps its two lines; hovered or selected, the whole project name over the gap.
    { selector: 'node.compose.detail', style: { label: 'data(brief)' } },
    {
      selector: 'node.compose.hovered, node.compose.selected',
      style: {
        ...expanded(p),
      },
    },
  ];
}
