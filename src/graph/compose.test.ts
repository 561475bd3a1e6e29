import { describe, expect, it } from 'vitest';
import { replay } from '../sim';
import { composeOf } from './compose';
import { projectWorld, type GraphElement } from './elements';
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
    expect(tag.y).toBe(dns.y);
    expect(dns.x - tag.x).toBeGreaterThanOrEqual(110);
  });
});
