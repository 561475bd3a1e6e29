/**
 * Containers × containers: can the row ping the column, by IP or by name? Each red cell carries a
 * short tag and, in its name and tooltip, the full reason (the drop's rule, the missing DNS).
 * A click runs the real `docker exec <from> ping -c 1 <to>` through the lab, so the terminal shows
 * it and the trace player animates its packets.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Container, ReachabilityPair, Trace } from '../../sim';
import { labStore, useReadyLab } from '../../store';
import { viewStore } from '../../store/view-store';
import { commandLine } from '../actions/command-line';
import { placeNamer } from '../trace/place-name';
import { reasonOf, tagOf } from './cell-reason';
import { useReachability } from './use-reachability';

type Mode = 'ip' | 'name';

/** The container's own name, from its label (`host2/b1` on another host). */
const nameOf = (label: string, host: string | undefined) =>
  host ? label.slice(host.length + 1) : label;

const TOGGLE =
  'rounded px-2 py-0.5 text-xs font-medium aria-pressed:bg-blue-600 aria-pressed:text-white hover:bg-slate-100 aria-pressed:hover:bg-blue-700 dark:hover:bg-slate-800';

export function ReachabilityMatrix() {
  const { t } = useTranslation(['matrix', 'trace']);
  const [mode, setMode] = useState<Mode>('ip');
  const [why, setWhy] = useState<string>();
  /** The last clicked cell whose ping could not run because the image has none. */
  const [noPing, setNoPing] = useState<{ from: string; command: string; trace: Trace }>();
  const { result, stale } = useReachability();
  const world = useReadyLab((s) => s.world);
  const place = useMemo(() => placeNamer(world, t), [world, t]);
  const byKey = useMemo(
    () => new Map((result?.cells ?? []).map((c) => [`${c.from}\n${c.to}`, c])),
    [result],
  );
  // By the matrix's labels: another host's containers read `host2/b1`.
  const containers = useMemo(
    () =>
      new Map<string, Container>(
        Object.values(world.hosts).flatMap((h) =>
          [...h.docker.containers.values()].map((c) => [
            h.hostname === world.terminal.host ? c.name : `${h.hostname}/${c.name}`,
            c,
          ]),
        ),
      ),
    [world],
  );

  const names = result?.containers ?? [];
  const modeWord = t(mode === 'ip' ? 'cell.modeIp' : 'cell.modeName');

  const run = (pair: ReachabilityPair) => {
    const cell = mode === 'ip' ? pair.byIp : pair.byName;
    const from = nameOf(pair.from, pair.fromHost);
    const target = mode === 'ip' ? cell.address : nameOf(pair.to, pair.toHost);
    if (!target) return;
    // A row on another host is typed there, through ssh.
    const ssh = pair.fromHost ? ['ssh', pair.fromHost] : [];
    const line = commandLine([...ssh, 'docker', 'exec', from, 'ping', '-c', '1', target]);
    labStore.getState().run(line);
    const entry = labStore.getState().transcript.at(-1);
    const missing =
      entry && !entry.trace && /executable file not found/.test(entry.stdout + entry.stderr);
    setNoPing(missing ? { from, command: line, trace: cell.trace } : undefined);
  };

  return (
    <section
      aria-label={t('title')}
      className="flex shrink-0 flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <header className="flex flex-wrap items-center gap-2">
        <h2 className="font-semibold">{t('title')}</h2>
        <div
          role="group"
          aria-label={t('modes')}
          className="flex gap-1 rounded border border-slate-300 p-0.5 dark:border-slate-600"
        >
          <button
            type="button"
            className={TOGGLE}
            aria-pressed={mode === 'ip'}
            onClick={() => setMode('ip')}
          >
            {t('byIp')}
          </button>
          <button
            type="button"
            className={TOGGLE}
            aria-pressed={mode === 'name'}
            onClick={() => setMode('name')}
          >
            {t('byName')}
          </button>
        </div>
        {stale && (
          <span className="text-xs text-slate-600 dark:text-slate-400">{t('computing')}</span>
        )}
      </header>
      {names.length < 2 ? (
        <p className="text-slate-600 dark:text-slate-400">{t('empty')}</p>
      ) : (
        <div className="overflow-auto">
          <table className="border-collapse text-xs">
            <caption className="mb-1 text-left text-slate-600 dark:text-slate-400">
              {t('caption')}
            </caption>
            <thead>
              <tr>
                <th
                  scope="col"
                  className="px-1 text-left font-normal text-slate-600 dark:text-slate-400"
                >
                  {t('from')}
                </th>
                {names.map((n) => (
                  <th
                    key={n}
                    scope="col"
                    className="max-w-[6rem] truncate px-1 font-mono font-medium"
                  >
                    {n}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {names.map((from) => (
                <tr key={from}>
                  <th
                    scope="row"
                    className="max-w-[6rem] truncate pr-2 text-left font-mono font-medium"
                  >
                    {from}
                  </th>
                  {names.map((to) => {
                    const pair = byKey.get(`${from}\n${to}`);
                    if (!pair)
                      return (
                        <td
                          key={to}
                          className="text-center text-slate-400"
                          aria-label={`${from} → ${t('self')}`}
                        >
                          —
                        </td>
                      );
                    const cell = mode === 'ip' ? pair.byIp : pair.byName;
                    const c = containers.get(to);
                    const reason = cell.ok
                      ? ''
                      : reasonOf(
                          cell,
                          { name: to, networkMode: c?.hostConfig.networkMode ?? '' },
                          place,
                          t,
                        );
                    const label = cell.ok
                      ? t('cell.ok', { from, to, mode: modeWord })
                      : t('cell.fail', { from, to, mode: modeWord, reason });
                    return (
                      <td key={to} className="p-0.5">
                        <button
                          type="button"
                          aria-label={label}
                          title={label}
                          onClick={() => run(pair)}
                          onMouseEnter={() => setWhy(label)}
                          onFocus={() => setWhy(label)}
                          className={`flex min-w-[3.5rem] flex-col items-center rounded px-1 py-0.5 font-semibold ${cell.ok ? 'bg-green-100 text-green-800 hover:bg-green-200 dark:bg-green-900/50 dark:text-green-200' : 'bg-red-100 text-red-800 hover:bg-red-200 dark:bg-red-900/50 dark:text-red-200'}`}
                        >
                          <span aria-hidden>{cell.ok ? '✓' : '✗'}</span>
                          {!cell.ok && (
                            <span aria-hidden className="text-[0.65rem] font-normal">
                              {t(`tag.${tagOf(cell)}`)}
                            </span>
                          )}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {names.length >= 2 && (
        <p className="min-h-[2rem] text-xs text-slate-700 dark:text-slate-300">
          {why ?? `${t('legend')} ${t('cell.action')}`}
        </p>
      )}
      {noPing && (
        <p
          role="status"
          className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          {t('noPing', { from: noPing.from })}{' '}
          <button
            type="button"
            className="underline"
            onClick={() =>
              viewStore.setState({
                playback: {
                  entry: -1,
                  step: 0,
                  playing: true,
                  computed: { command: noPing.command, trace: noPing.trace },
                },
              })
            }
          >
            {t('animatePath')}
          </button>
        </p>
      )}
    </section>
  );
}
