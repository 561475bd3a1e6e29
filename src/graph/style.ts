/**
 * The graph's look, light and dark: namespaces as boxes, bridges as wide bars, interfaces as
 * small squares named below, one colour per edge kind (veth, bridge port, --link, published
 * port). Only plain selectors and `data(label)`: no per-element style functions, which cost
 * on every redraw. Labels are canvas text, never markup.
 */
import type { StylesheetJson } from 'cytoscape';
import type { Theme } from '../store/view-store';
import { DARK, LIGHT } from './palette';

export const CANVAS_BG: Record<Theme, string> = { light: '#ffffff', dark: '#0f172a' };

const FONT = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

export function graphStyle(theme: Theme): StylesheetJson {
  const p = theme === 'dark' ? DARK : LIGHT;
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        color: p.text,
        'font-family': FONT,
        'font-size': 11,
        'text-wrap': 'wrap',
        'min-zoomed-font-size': 4,
      },
    },
    {
      selector: ':parent',
      style: {
        shape: 'round-rectangle',
        'text-valign': 'top',
        'text-halign': 'center',
        'font-size': 14,
        'font-weight': 'bold',
        padding: '14px',
        'border-width': 2,
        'background-opacity': 1,
      },
    },
    {
      selector: 'node.netns',
      style: { 'background-color': p.boxBg, 'border-color': p.boxBorder, shape: 'round-rectangle' },
    },
    {
      selector: '#netns\\:host',
      style: {
        'background-color': p.hostBg,
        'border-color': p.hostBorder,
        'text-halign': 'center',
        padding: '22px',
      },
    },
    {
      selector: 'node.manual-netns',
      style: {
        'background-color': p.manualBg,
        'border-color': p.manualBorder,
        'border-style': 'dashed',
      },
    },
    {
      selector: 'node.container',
      style: {
        shape: 'round-rectangle',
        width: 150,
        height: 34,
        'text-valign': 'center',
        'font-size': 12,
        'font-weight': 'bold',
        'background-color': p.boxBg,
        'border-width': 2,
        'border-color': p.boxBorder,
      },
    },
    {
      selector: 'node.host-mode',
      style: { width: 190, 'border-style': 'dashed' },
    },
    {
      selector: 'node.stopped',
      style: {
        'background-color': p.stoppedBg,
        'border-color': p.stoppedBorder,
        'border-style': 'dashed',
        color: p.stoppedText,
      },
    },
    {
      selector: 'node.device',
      style: {
        shape: 'round-rectangle',
        width: 14,
        height: 14,
        'background-color': p.veth,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'line-height': 1.25,
      },
    },
    { selector: 'node.ether', style: { 'background-color': p.ether } },
    {
      selector: 'node.loopback',
      style: {
        'background-color': p.stoppedBorder,
        width: 10,
        height: 10,
        'text-valign': 'center',
        'text-halign': 'left',
        'text-margin-x': -4,
        'text-margin-y': 0,
        color: p.muted,
      },
    },
    // Beside, not below: the veth line leaves a host-side end downwards.
    {
      selector: 'node.host-end',
      style: {
        'font-size': 10,
        color: p.muted,
        'text-valign': 'center',
        'text-halign': 'right',
        'text-margin-x': 4,
        'text-margin-y': 0,
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
    {
      selector: 'node.bridge',
      style: {
        shape: 'round-rectangle',
        width: 340,
        height: 40,
        'background-color': p.bridge,
        color: p.bridgeText,
        'text-valign': 'center',
        'font-size': 12,
        'font-weight': 'bold',
      },
    },
    {
      selector: 'node.dns',
      style: {
        shape: 'round-rectangle',
        width: 100,
        height: 20,
        'background-color': p.dns,
        color: '#ffffff',
        'text-valign': 'center',
        'font-size': 10,
        'font-weight': 'bold',
      },
    },
    {
      selector: 'node.port',
      style: {
        shape: 'round-rectangle',
        width: 16,
        height: 16,
        'background-color': p.port,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'font-weight': 'bold',
      },
    },
    {
      selector: 'node.outside',
      style: {
        shape: 'round-rectangle',
        width: 190,
        height: 46,
        'background-color': p.outsideBg,
        'border-width': 1,
        'border-color': p.hostBorder,
        'text-valign': 'center',
        color: p.muted,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 2,
        'curve-style': 'bezier',
        'line-color': p.muted,
        color: p.text,
        'font-family': FONT,
        'font-size': 10,
        'text-background-color': p.labelBg,
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
      },
    },
    { selector: 'edge.veth', style: { width: 3, 'line-color': p.veth } },
    { selector: 'edge.bridge-port', style: { width: 3, 'line-color': p.bridge } },
    { selector: 'edge.uplink', style: { width: 3, 'line-color': p.ether } },
    {
      selector: 'edge.link',
      style: {
        label: 'data(label)',
        'line-color': p.link,
        'line-style': 'dashed',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': p.link,
        'curve-style': 'unbundled-bezier',
        'control-point-distances': [-50],
        'control-point-weights': [0.5],
        color: p.link,
        'font-size': 12,
        'font-weight': 'bold',
      },
    },
    {
      selector: 'edge.published',
      style: {
        'line-color': p.port,
        'line-style': 'dashed',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': p.port,
        width: 1.5,
        opacity: 0.7,
      },
    },
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
