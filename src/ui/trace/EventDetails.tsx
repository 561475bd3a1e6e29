/** What one event carried: addresses before/after NAT, the rules walked, the hosts line, the DNS record. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hop } from '../../graph/trace-path';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[5.5rem_minmax(0,1fr)] gap-2 py-0.5">
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

const Code = ({ children, strong }: { children: ReactNode; strong?: boolean }) => (
  <code
    className={`rounded px-1 font-mono text-[0.7rem] ${strong ? 'bg-amber-100 font-semibold text-amber-900 dark:bg-amber-900/60 dark:text-amber-100' : 'bg-slate-100 dark:bg-slate-800'}`}
  >
    {children}
  </code>
);

export function EventDetails({ hop, where }: { hop: Hop; where: string }) {
  const { t } = useTranslation('trace');
  const e = hop.event;
  return (
    <dl aria-label={t('detail.title')} className="text-xs">
      <Row label={t('detail.where')}>{where}</Row>
      {hop.nat && (
        <>
          <Row label={t('detail.before')}>
            <Code>
              {hop.nat.before.src} → {hop.nat.before.dst}
            </Code>
          </Row>
          <Row label={t('detail.after')}>
            <Code strong>
              {hop.nat.after.src} → {hop.nat.after.dst}
            </Code>
          </Row>
        </>
      )}
      {e.kind === 'netfilter' && e.matches.length > 0 && (
        <Row label={t('detail.rules')}>
          <ol className="flex flex-col gap-0.5">
            {e.matches.map((m, i) => (
              <li key={i}>
                <Code strong={i === e.matches.length - 1}>{m.rule}</Code>
              </li>
            ))}
          </ol>
        </Row>
      )}
      {e.kind === 'dropped' && e.rule && (
        <Row label={t('detail.rule')}>
          <Code strong>{e.rule}</Code>
        </Row>
      )}
      {e.kind === 'name-lookup' && e.hostsLine && (
        <Row label={t('detail.hostsLine')}>
          <Code strong>{e.hostsLine.replace(/\t/g, ' ')}</Code>
        </Row>
      )}
      {e.kind === 'name-lookup' && e.server && <Row label={t('detail.server')}>{e.server}</Row>}
      {e.kind === 'name-lookup' && e.record && (
        <Row label={t('detail.record')}>
          <Code strong>
            {e.name} A {e.answer}
          </Code>{' '}
          {t('detail.recordValue', { ...e.record, match: t(`detail.match.${e.record.match}`) })}
        </Row>
      )}
      {e.kind === 'route' && (
        <Row label={t('detail.route')}>
          <Code>{e.route}</Code>
        </Row>
      )}
      {e.kind === 'arp' && e.mac && (
        <Row label={t('detail.mac')}>
          <Code>{e.mac}</Code>
        </Row>
      )}
    </dl>
  );
}
