/**
 * A namespace's interfaces: small squares with their name and addresses beside them (a NIC, a
 * veth end, a loopback in the corner), the host-side veth ends labelled underneath, a device that
 * is down dashed and faint.
 */
import type { StylesheetJson } from 'cytoscape';
import type { Palette } from './palette';

export function deviceStyle(p: Palette): StylesheetJson {
  return [
    {
      selector: 'node.device',
      style: {
        shape: 'round-rectangle',
        width: 14,
        height: 14,
        'background-color': p.veth,
        'text-valign': 'center',
        'text-halign': 'right',
        'text-margin-x': 6,
        'line-height': 1.2,
      },
    },
    // On the right edge of its box (facing a bridge further right): the label reads leftwards.
    {
      selector: 'node.facing-right',
      style: { 'text-halign': 'left', 'text-margin-x': -6 },
    },
    { selector: 'node.ether', style: { 'background-color': p.ether } },
    {
      selector: 'node.loopback',
      style: {
        'background-color': p.stoppedBorder,
        width: 10,
        height: 10,
        'font-size': 13,
        'text-valign': 'center',
        'text-halign': 'left',
        'text-margin-x': -4,
        color: p.muted,
      },
    },
    // Beside, not below: the veth line leaves a host-side end downwards.
    {
      selector: 'node.host-end',
      style: {
        width: 10,
        height: 10,
        'font-size': 12,
        color: p.muted,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-x': 0,
        'text-margin-y': 2,
      },
    },
    {
      selector: 'node.down',
      style: {
        'background-opacity': 0.35,
        'border-width': 1.5,
        'border-style': 'dashed',
        'border-color': p.muted,
      },
    },
  ];
}
