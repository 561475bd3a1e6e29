/**
 * The graph's look, light and dark: namespaces as boxes, bridges as wide bars, interfaces as
 * small squares named below, one colour per edge kind (veth, bridge port, --link, published
 * port). Only plain selectors and `data(label)`: no per-element style functions, which cost
 * on every redraw. Labels are canvas text, never markup.
 */
import type { StylesheetJson } from 'cytoscape';
import type { Theme } from '../store/view-store';
import { DARK, LIGHT } from './palette';
import { overlayStyle } from './style-overlays';
import { bridgeTagStyle } from './style-tags';
import { hostStyle, lanLineStyle } from './style-hosts';
import { tunnelStyle } from './style-tunnel';
import { deviceStyle } from './style-devices';

export const CANVAS_BG: Record<Theme, string> = { light: '#ffffff', dark: '#0f172a' };

const FONT = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

export function graphStyle(theme: Theme): StylesheetJson {
  const p = theme === 'dark' ? DARK : LIGHT;
  return [
    {
      selector: 'node',
      style: {
        label: 'data(brief)',
        color: p.text,
        'font-family': FONT,
        'font-size': 16,
        'text-wrap': 'wrap',
        'min-zoomed-font-size': 5,
      },
    },
    // Zoomed in, hovered or selected: MACs, veth names and ifindexes too.
    {
      selector: 'node.detail, node.hovered, node.selected, node.selected > node',
      style: { label: 'data(label)' },
    },
    {
      selector: ':parent',
      style: {
        shape: 'round-rectangle',
        'text-valign': 'top',
        'text-halign': 'center',
        'font-size': 16,
        'font-weight': 'bold',
        'text-max-width': '200px',
        padding: '10px',
        'border-width': 2,
        'background-opacity': 1,
      },
    },
    {
      selector: 'node.netns',
      style: { 'background-color': p.boxBg, 'border-color': p.boxBorder, shape: 'round-rectangle' },
    },
    // A box keeps its size whether its interfaces say little (overview) or everything.
    {
      selector: 'node.container-box, node.manual-netns',
      style: {
        'compound-sizing-wrt-labels': 'exclude',
        'min-width': '150px',
        'min-height': '40px',
      },
    },
    ...hostStyle(p),
    {
      selector: 'node.manual-netns',
      style: {
        'background-color': p.manualBg,
        'border-color': p.manualBorder,
        'border-style': 'dashed',
      },
    },
    // A node's load balancer hangs level with its port on br0, under the overlay's band: its
    // name goes below it, clear of the band's label.
    { selector: 'node.load-balancer', style: { 'text-valign': 'bottom', 'text-margin-y': 4 } },
    {
      selector: 'node.container',
      style: {
        shape: 'round-rectangle',
        width: 170,
        height: 40,
        'text-valign': 'center',
        'font-size': 15,
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
    ...deviceStyle(p),
    {
      selector: 'node.bridge',
      style: {
        shape: 'round-rectangle',
        width: 220,
        height: 84,
        'background-color': p.bridge,
        color: p.bridgeText,
        'text-valign': 'center',
        'font-size': 15,
        'font-weight': 'bold',
      },
    },
    // A bridge inside a namespace (an overlay's br0) is one of its interfaces: a short bar with
    // its name and address over it (an overlay's band leaves it sideways), its ports hanging on it
    // by arcs clear of each other.
    {
      selector: 'node.device.bridge',
      style: {
        width: 30,
        height: 14,
        color: p.text,
        'text-valign': 'top',
        'text-halign': 'right',
        'text-margin-x': -30,
        'text-margin-y': -3,
        'font-size': 13,
        'font-weight': 'normal',
      },
    },
    ...bridgeTagStyle(p),
    // `internal: true` / `--internal`: no way out, drawn as a dashed bar with the word on it.
    {
      selector: 'node.bridge.internal',
      style: {
        'border-width': 3,
        'border-style': 'dashed',
        'border-color': p.text,
        'font-size': 13,
      },
    },
    {
      selector: 'node.port',
      style: {
        shape: 'round-rectangle',
        width: 16,
        height: 16,
        'background-color': p.port,
        'font-size': 14,
        'text-valign': 'center',
        'text-halign': 'right',
        'text-margin-x': 6,
        'font-weight': 'bold',
      },
    },
    {
      selector: 'node.outside',
      style: {
        shape: 'round-rectangle',
        width: 150,
        height: 110,
        'font-size': 14,
        'background-color': p.outsideBg,
        'border-width': 1,
        'border-color': p.hostBorder,
        'text-valign': 'center',
        color: p.muted,
      },
    },
    ...lanLineStyle(p),
    {
      selector: 'node.floor',
      style: { width: 1, height: 1, opacity: 0, events: 'no', label: '' },
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
    // Down its lane beside the boxes, then across into the interface: never through a box.
    {
      selector: 'edge.veth',
      style: {
        width: 3,
        'line-color': p.veth,
        'curve-style': 'taxi',
        'taxi-direction': 'vertical',
        'taxi-turn': '100%',
        'taxi-turn-min-distance': 0,
      },
    },
    { selector: 'edge.bridge-port', style: { width: 3, 'line-color': p.bridge } },
    {
      selector: 'edge.bridge-port.in-netns',
      style: {
        'curve-style': 'unbundled-bezier',
        'control-point-distances': [14],
        'control-point-weights': [0.5],
        'source-endpoint': '-15 0',
        'target-endpoint': '-7 0',
      },
    },
    { selector: 'edge.uplink', style: { width: 3, 'line-color': p.ether } },
    // macvlan/ipvlan: the child hangs off the NIC itself; the bar under it is no bridge.
    {
      selector: 'edge.stacked',
      style: { width: 2, 'line-color': p.ether, 'line-style': 'dashed' },
    },
    // The LAN's own colours, so its text reads in both themes (the NIC colour is light in dark).
    {
      selector: 'node.underlay',
      style: {
        'background-color': p.outsideBg,
        color: p.text,
        'border-color': p.ether,
        'border-width': 2,
        'border-style': 'dashed',
      },
    },
    {
      selector: 'edge.link',
      style: {
        label: 'data(label)',
        'line-color': p.link,
        'line-style': 'dashed',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': p.link,
        // From the right side of one box to the right side of the other, arcing out to the right,
        // away from the veth lanes on the left.
        'curve-style': 'unbundled-bezier',
        'source-endpoint': '90deg',
        'target-endpoint': '90deg',
        'control-point-distances': [90],
        'control-point-weights': [0.5],
        color: p.link,
        // Between two boxes drawn over the host box, not under it.
        'z-compound-depth': 'top',
        'font-size': 13,
        'font-weight': 'bold',
        'text-rotation': 'none',
        'text-margin-x': 4,
      },
    },
    {
      selector: 'edge.published',
      style: {
        'line-color': p.port,
        'line-style': 'dashed',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': p.port,
        'curve-style': 'straight',
        width: 2,
      },
    },
    ...overlayStyle(p),
    ...tunnelStyle(p),
  ];
}
