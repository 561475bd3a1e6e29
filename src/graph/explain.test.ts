import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { failureOf, type Trace, type TraceEvent } from '../sim';
import { explainEvent, type Explanation } from './explain';
import { scriptTrace } from './script-trace';

const messagesOf = (lang: string): unknown =>
  JSON.parse(readFileSync(new URL(`../i18n/locales/${lang}/trace.json`, import.meta.url), 'utf8'));
const en = messagesOf('en');
const zh = messagesOf('zh');

const traceOf = (lines: readonly string[]): Trace => scriptTrace(lines).trace;

const lookupIn = (messages: unknown, key: string): string | undefined => {
  const v = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], messages);
  return typeof v === 'string' ? v : undefined;
};

/** A sentence's key and its phrases' keys exist in both languages, every placeholder filled. */
function expectWorded({ key, params }: Explanation, kind: string) {
  for (const messages of [en, zh]) {
    const text = lookupIn(messages, key);
    expect(text, `${key} for ${kind}`).toBeDefined();
    for (const [, p] of text!.matchAll(/\{\{(\w+)\}\}/g)) expect(params, key).toHaveProperty(p);
  }
  for (const p of Object.values(params)) if (typeof p !== 'string') expectWorded(p, kind);
}

/** Every event's key exists in both languages and every placeholder gets a value. */
function expectComplete(events: readonly TraceEvent[]) {
  for (const e of events) {
    expectWorded(explainEvent(e), e.kind);
    if (e.kind === 'name-lookup' && e.query) expectComplete(e.query);
  }
}

const LINK = [
  'docker run -d --name db busybox sleep 1d',
  'docker run -d --name web --link db busybox sleep 1d',
];
const ISOLATED = [
  'docker network create mynet',
  'docker run -d --name alpha --network mynet busybox sleep 1d',
  'docker run -d --name gamma busybox sleep 1d',
];

describe('explainEvent', () => {
  it('says the --link line answered, quoting it', () => {
    const [lookup] = traceOf([...LINK, 'docker exec web ping -c 1 db']).events;
    const { key, params } = explainEvent(lookup);
    expect(key).toBe('event.lookup.hostsLink');
    expect(params).toMatchObject({ name: 'db', answer: '172.17.0.2' });
    expect(params.line).toMatch(/^172\.17\.0\.2 db [0-9a-f]{12}$/);
  });

  it('explains the missing embedded DNS on docker0 (the way back of a one-way link)', () => {
    const t = traceOf([...LINK, 'docker exec db ping -c 1 web']);
    const why = failureOf(t.events)!;
    expect(explainEvent(why)).toMatchObject({
      key: 'event.lookup.docker0Nx',
      params: { name: 'web', server: '114.114.114.114' },
    });
    expect(lookupIn(en, 'event.lookup.docker0Nx')).toContain(
      'docker0 has no embedded DNS; only --link adds /etc/hosts lines',
    );
  });

  it('names the embedded DNS record on a user network', () => {
    const [lookup] = traceOf([
      'docker network create mynet',
      'docker run -d --name alpha --network mynet busybox sleep 1d',
      'docker run -d --name beta --network mynet busybox sleep 1d',
      'docker exec alpha ping -c 1 beta',
    ]).events;
    expect(explainEvent(lookup)).toMatchObject({
      key: 'event.lookup.embedded',
      params: { server: '127.0.0.11', network: 'mynet', container: 'beta', answer: '172.18.0.3' },
    });
  });

  it('names DOCKER-ISOLATION-STAGE-2 and both bridges for a drop between networks', () => {
    const t = traceOf([...ISOLATED, 'docker exec alpha ping -c 1 172.17.0.2']);
    const e = explainEvent(failureOf(t.events)!);
    expect(e.key).toBe('event.drop.isolation');
    expect(e.params.in).toMatch(/^br-[0-9a-f]{12}$/);
    expect(e.params.out).toBe('docker0');
    expect(lookupIn(en, e.key)).toContain(
      'DOCKER-ISOLATION-STAGE-2: different bridges are isolated',
    );
  });

  it('shows MASQUERADE and DNAT rewrites with both addresses', () => {
    const out = traceOf([
      'docker run -d --name gamma busybox sleep 1d',
      'docker exec gamma ping -c 1 8.8.8.8',
    ]);
    const masq = out.events.find((e) => e.kind === 'netfilter' && e.verdict === 'MASQUERADE')!;
    expect(explainEvent(masq)).toMatchObject({
      key: 'event.netfilter.masquerade',
      params: { beforeSrc: '172.17.0.2', afterSrc: '10.0.2.15' },
    });
    const web = traceOf([
      'docker run -d --name web -p 8080:80 nginx',
      'curl -s http://10.0.2.15:8080/',
    ]);
    const dnat = web.events.find((e) => e.kind === 'netfilter' && e.verdict === 'DNAT')!;
    expect(explainEvent(dnat).params).toMatchObject({
      beforeDst: '10.0.2.15',
      afterDst: '172.17.0.2',
    });
  });

  it('uses the caller’s place names', () => {
    const t = traceOf([...LINK, 'docker exec web ping -c 1 172.17.0.2']);
    const veth = t.events.find((e) => e.kind === 'veth')!;
    expect(explainEvent(veth, (n) => (n === 'host' ? 'HOST' : 'CTR')).params).toMatchObject({
      fromPlace: 'CTR',
      toPlace: 'HOST',
    });
  });

  it('has a sentence in English and Chinese for every event of real traces', () => {
    for (const lines of [
      [...LINK, 'docker exec web ping -c 1 db'],
      [...LINK, 'docker exec db ping -c 1 web'],
      [...ISOLATED, 'docker exec alpha ping -c 1 172.17.0.2'],
      [...ISOLATED, 'docker exec alpha ping -c 1 10.9.9.9'],
      ['docker run -d --name gamma busybox sleep 1d', 'docker exec gamma ping -c 1 8.8.8.8'],
      ['docker run -d --name web -p 8080:80 nginx', 'curl -s http://127.0.0.1:8080/'],
      ['docker run -d --name web -p 8080:80 nginx', 'curl -s http://10.0.2.15:8080/'],
      [
        'docker run -d --name lone --network none busybox sleep 1d',
        'docker exec lone ping -c 1 8.8.8.8',
      ],
      ['docker run -d --name web busybox sleep 1d', 'docker exec web ping -c 1 10.0.2.20'],
      ['docker run -d --name web -p 8080:80 nginx', 'curl -s http://10.0.2.15:8081/'],
      [
        'docker network create -d macvlan --subnet 10.0.2.0/24 --gateway 10.0.2.2 --ip-range 10.0.2.128/25 -o parent=eth0 mv',
        'docker run -d --name m1 --network mv busybox sleep 3600',
        'ping -c 1 -W 1 10.0.2.128',
      ],
    ])
      expectComplete(traceOf(lines).events);
  });
});
