import { describe, expect, it } from 'vitest';
import { replay } from '../sim';
import { composeOf, tagBrief } from './compose';
import { ENGLISH, projectWorld, type GraphElement } from './elements';
import { layoutGraph } from './layout';

const COMPOSE = [
  "cat > compose.yaml <<'EOF'",
  'name: demo',
  'services:',
  '  web:',
  '    image: nginx',
  '  db:',
  '    image: redis',
  '    networks:',
  '      default:',
  '        aliases: [database]',
  'EOF',
  'docker compose up -d',
];

const nodeLabel = (els: readonly GraphElement[], id: string) =>
  els.find((e) => e.data.id === id)?.data;

describe('compose in the graph', () => {
  it('reads project and service from the com.docker.compose labels', () => {
    const labels = {
      'com.docker.compose.project': 'demo',
      'com.docker.compose.service': 'web',
      'com.docker.compose.container-number': '1',
    };
    expect(composeOf(labels)).toEqual({ project: 'demo', service: 'web' });
    expect(composeOf({ 'com.docker.compose.project': 'demo' })).toEqual({ project: 'demo' });
    expect(composeOf({})).toBeUndefined();
    expect(composeOf(undefined)).toBeUndefined();
  });

  it("tags the project's network and names each container's service", () => {
    const els = projectWorld(replay(COMPOSE).world);
    expect(nodeLabel(els, 'compose:demo_default')).toMatchObject({
      kind: 'compose',
      label: 'compose: demo',
      ref: 'network:demo_default',
    });
    const boxes = els.filter((e) => e.classes.includes('container-box')).map((e) => e.data);
    expect(boxes.map((b) => [b.brief, b.label])).toEqual([
      ['demo-db-1 · db', 'demo-db-1 · service db'],
      ['demo-web-1 · web', 'demo-web-1 · service web'],
    ]);
  });

  it('lists what the embedded DNS answers on the network, aliases included', () => {
    const dns = nodeLabel(projectWorld(replay(COMPOSE).world), 'dns:demo_default')!;
    expect(dns.brief).toBe('DNS 127.0.0.11');
    expect(dns.label.split('\n')).toEqual([
      'DNS 127.0.0.11',
      expect.stringMatching(/^demo-db-1, db, database → 172\.18\.0\.\d$/),
      expect.stringMatching(/^demo-web-1, web → 172\.18\.0\.\d$/),
    ]);
  });

  it('puts the tag over its bar, left of the DNS badge', () => {
    const els = projectWorld(replay(COMPOSE).world);
    const { positions } = layoutGraph(els, new Map());
    const tag = positions.get('compose:demo_default')!;
    const dns = positions.get('dns:demo_default')!;
    // Two lines to the badge's one (24px), bottoms level: 92px wide, 36 tall, left of a 120px badge.
    expect(tag.y + 18).toBe(dns.y + 12);
    expect(dns.x - 60 - (tag.x + 46)).toBeGreaterThanOrEqual(6);
  });

  it('fits a long project name on the tag, whole on hover', () => {
    const long = COMPOSE.map((l) => (l === 'name: demo' ? 'name: inventory-service-staging' : l));
    const tag = nodeLabel(
      projectWorld(replay(long).world),
      'compose:inventory-service-staging_default',
    )!;
    expect(tag.brief).toBe('compose:\ninventory-…');
    expect(tag.label).toBe('compose: inventory-service-staging');
    expect(tagBrief('shop', ENGLISH)).toBe('compose:\nshop');
    expect(tagBrief('exactly11ch', ENGLISH)).toBe('compose:\nexactly11ch');
  });

  it('marks an internal network on its bar', () => {
    const lines = [
      "cat > compose.yaml <<'EOF'",
      'name: shop',
      'services:',
      '  db:',
      '    image: redis',
      '    networks: [back]',
      'networks:',
      '  back:',
      '    internal: true',
      'EOF',
      'docker compose up -d',
    ];
    const bar = projectWorld(replay(lines).world).find(
      (e) => e.data.kind === 'bridge' && e.data.label.startsWith('network shop_back'),
    )!;
    expect(bar.classes).toContain('internal');
    expect(bar.data.label.split('\n').at(-1)).toBe('internal');
    const plain = projectWorld(replay(COMPOSE).world).find(
      (e) => e.data.kind === 'bridge' && e.data.label.includes('demo_default'),
    )!;
    expect(plain.classes).not.toContain('internal');
  });
});
