/**
 * Hosts and the LAN between them: every host's box (the terminal's and the lab's other hosts
 * alike), and the LAN drawn as one line over hosts that stand side by side (host-stack.ts), its
 * words left of the line's start.
 */
import type { StylesheetJson } from 'cytoscape';
import type { Palette } from './palette';
import { LAN_LINE_H } from './host-stack';

export function hostStyle(p: Palette): StylesheetJson {
  return [
    {
      selector: 'node.host-box',
      style: {
        'background-color': p.hostBg,
        'border-color': p.hostBorder,
        'text-halign': 'center',
        'font-size': 18,
        padding: '26px',
      },
    },
  ];
}

/** After the LAN's own box style, which it overrides. */
export function lanLineStyle(p: Palette): StylesheetJson {
  return [
    {
      selector: 'node.outside.lan-line',
      style: {
        height: LAN_LINE_H,
        'background-color': p.ether,
        'border-width': 0,
        'text-halign': 'left',
        'text-valign': 'center',
        'text-margin-x': -8,
        'text-justification': 'right',
        color: p.text,
        'font-weight': 'bold',
      },
    },
  ];
}
