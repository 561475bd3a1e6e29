/**
 * "Ping" and "Curl": from the host or a running container, to a container's name, an IP or any
 * name. A probe that runs and fails is kept (the failure is the lesson); one that cannot start
 * (no such container, no `ping` in the image) is explained with the engine's own text.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReadyLab } from '../../store';
import { closeAll, type DialogRequest } from './action-store';
import { fetchLine, pingLine, type Origin } from './command-line';
import { Dialog } from './Dialog';
import { SelectField, TextField } from './Fields';
import { containerNamed, containersOf, httpClientOf } from './lab-choices';
import { useCheckedRun } from './use-checked-run';

type Request = Extract<DialogRequest, { kind: 'ping' | 'curl' }>;

/** The host's choice in the From list; container names cannot be empty. */
const HOST = '';

export function ProbeDialog({ request }: { request: Request }) {
  const { t } = useTranslation('actions');
  const world = useReadyLab((s) => s.world);
  const listId = useId();
  const running = containersOf(world)
    .filter((c) => c.state.status === 'running')
    .map((c) => c.name);
  const [from, setFrom] = useState(request.from ?? HOST);
  const [to, setTo] = useState(request.to ?? '');
  const origin: Origin = from === HOST ? { host: true } : { container: from };
  const line =
    request.kind === 'ping'
      ? pingLine(origin, to)
      : fetchLine(origin, to, httpClientOf(world, containerNamed(world, from)));
  const { submit, error } = useCheckedRun(line, true);
  // Names a learner may try: every container, and every address an endpoint holds.
  const suggestions = containersOf(world).flatMap((c) => [
    c.name,
    ...c.endpoints.flatMap((e) => (e.joined ? [e.joined.ip] : [])),
  ]);

  return (
    <Dialog
      title={t(`${request.kind}.title`)}
      line={line}
      error={error}
      submitLabel={t(`${request.kind}.submit`)}
      onSubmit={submit}
      onClose={closeAll}
    >
      <SelectField
        label={t('field.from')}
        value={from}
        onChange={setFrom}
        choices={[
          { value: HOST, label: t('probe.host', { name: world.terminal.host }) },
          ...running,
          // A stopped container asked for by the menu stays chosen, so the dialog says why.
          ...(from !== HOST && !running.includes(from) ? [from] : []),
        ]}
      />
      <TextField
        label={t('field.to')}
        hint={t(`${request.kind}.toHint`)}
        list={listId}
        value={to}
        required
        placeholder={request.kind === 'ping' ? 'db' : 'web'}
        onChange={setTo}
      />
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </Dialog>
  );
}
