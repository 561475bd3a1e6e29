import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { deviceRef } from '../../graph/refs';
import type { Hop } from '../../graph/trace-path';
import { clearTraceFromCy, showHopOnCy } from './animate';

const A = deviceRef('c1', 'eth0');
const V = deviceRef('host', 'veth1');
const BR = deviceRef('host', 'docker0');

function graph(): Core {
  return cytoscape({
    headless: true,
    layout: { name: 'preset' },
    elements: [
      { data: { id: A }, position: { x: 0, y: 0 } },
      { data: { id: V }, position: { x: 100, y: 0 } },
      { data: { id: BR }, position: { x: 100, y: 100 } },
      { data: { id: 'veth', source: A, target: V } },
    ],
  });
}

const veth: Hop = {
  event: {
    kind: 'veth',
    direction: 'request',
    from: { netns: 'c1', dev: 'eth0' },
    to: { netns: 'host', dev: 'veth1' },
  },
  category: 'icmp',
  direction: 'request',
  lit: [A, V],
  path: [A, V],
};

const drop: Hop = {
  event: {
    kind: 'dropped',
    direction: 'request',
    netns: 'host',
    at: 'FORWARD',
    reason: 'netfilter',
    rule: '-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP',
    explanation: 'dropped by DOCKER-ISOLATION-STAGE-2: different bridges are isolated',
  },
  category: 'drop',
  direction: 'request',
  lit: [BR],
  path: [BR],
};

const jump = { tween: false, durationMs: 0 };

describe('showHopOnCy', () => {
  it('lights the hop, its edge, and puts the dot where the hop ends', () => {
    const cy = graph();
    showHopOnCy(cy, veth, jump);
    expect(cy.getElementById(A).hasClass('hop-active')).toBe(true);
    expect(cy.getElementById('veth').hasClass('hop-active')).toBe(true);
    expect(cy.getElementById('trace:packet').position()).toEqual({ x: 100, y: 0 });
  });

  it('starts a tween at the path’s first device', () => {
    const cy = graph();
    showHopOnCy(cy, veth, { tween: true, durationMs: 500 });
    expect(cy.getElementById('trace:packet').position()).toEqual({ x: 0, y: 0 });
  });

  it('marks a drop red at its device with the dropping chain, and redraws from scratch', () => {
    const cy = graph();
    showHopOnCy(cy, veth, jump);
    showHopOnCy(cy, drop, jump);
    expect(cy.getElementById(A).hasClass('hop-active')).toBe(false);
    expect(cy.getElementById(BR).hasClass('dropped')).toBe(true);
    expect(cy.getElementById('trace:drop').data('label')).toBe('✗ DOCKER-ISOLATION-STAGE-2');
    expect(cy.getElementById('trace:packet').hasClass('dropped')).toBe(true);
  });

  it('shows a NAT rewrite beside its device and leaves nothing behind when cleared', () => {
    const cy = graph();
    const nat: Hop = {
      ...veth,
      nat: {
        before: { src: '172.17.0.2', dst: '8.8.8.8' },
        after: { src: '10.0.2.15', dst: '8.8.8.8' },
        at: V,
      },
    };
    showHopOnCy(cy, nat, jump);
    expect(cy.getElementById('trace:nat').data('label')).toBe(
      'src 172.17.0.2 ⇒ 10.0.2.15\ndst 8.8.8.8',
    );
    clearTraceFromCy(cy);
    expect(cy.nodes().map((n) => n.id())).toEqual([A, V, BR]);
    expect(cy.elements('.hop-active, .dropped')).toHaveLength(0);
  });

  it('skips refs the graph does not draw', () => {
    const cy = graph();
    showHopOnCy(cy, { ...veth, lit: ['dev:host/lo'], path: ['dev:host/lo'] }, jump);
    expect(cy.getElementById('trace:packet').empty()).toBe(true);
  });

  it('keeps one dot and ends any step exactly as that step shown from scratch', () => {
    const nat: Hop = {
      ...veth,
      nat: { before: { src: 'a', dst: 'b' }, after: { src: 'c', dst: 'b' }, at: A },
    };
    // In id order: the dot now outlives the labels, so it is no longer added after them.
    const snapshot = (cy: Core) =>
      cy
        .elements()
        .sort((a, b) => a.id().localeCompare(b.id()))
        .map((e) => ({
          id: e.id(),
          classes: e.classes(),
          label: e.data('label') as unknown,
          at: e.isNode() ? e.position() : undefined,
        }));
    const hops = [veth, drop, nat, veth, nat, drop, veth];
    const cy = graph();
    showHopOnCy(cy, hops[0], jump);
    const dot = cy.getElementById('trace:packet');
    for (const hop of hops.slice(1)) {
      showHopOnCy(cy, hop, { tween: true, durationMs: 500 });
      showHopOnCy(cy, hop, jump);
      const fresh = graph();
      showHopOnCy(fresh, hop, jump);
      expect(snapshot(cy)).toEqual(snapshot(fresh));
    }
    expect(cy.getElementById('trace:packet').same(dot)).toBe(true);
  });

  it('wraps the dot in its outer packet, labelled with the outer header, until decapsulation', () => {
    const cy = graph();
    const outer = { vni: 42, src: '10.0.2.15', dst: '10.0.2.16', dstPort: 4789 };
    showHopOnCy(cy, veth, jump);
    const dot = () => cy.getElementById('trace:packet');
    expect(dot().hasClass('wrapped')).toBe(false);
    showHopOnCy(cy, { ...veth, outer }, jump);
    expect(dot().hasClass('wrapped')).toBe(true);
    expect(dot().data('label')).toBe('VXLAN 42\n10.0.2.15 → 10.0.2.16\nUDP 4789');
    showHopOnCy(cy, veth, jump);
    expect(dot().hasClass('wrapped')).toBe(false);
    expect(dot().data('label')).toBe('');
    // Shown from scratch, a wrapped step comes out the same.
    clearTraceFromCy(cy);
    showHopOnCy(cy, { ...veth, outer }, jump);
    expect(dot().hasClass('wrapped')).toBe(true);
  });
});
