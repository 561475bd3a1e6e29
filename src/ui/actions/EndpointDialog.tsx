/**
 * "Connect to network" and "Disconnect from network": only the networks that make sense are
 * offered (bridge networks the container is not on; the networks it is on).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReadyLab } from '../../store';
import { closeAll, type DialogRequest } from './action-store';
import { connectLine, disconnectLine } from './command-line';
import { Dialog } from './Dialog';
import { SelectField } from './Fields';
import { connectableNetworks, containerNamed, joinedNetworks } from './lab-choices';
import { useCheckedRun } from './use-checked-run';

type Request = Extract<DialogRequest, { kind: 'connect' | 'disconnect' }>;

export function EndpointDialog({ request }: { request: Request }) {
  const { t } = useTranslation('actions');
  const world = useReadyLab((s) => s.world);
  const c = containerNamed(world, request.container);
  const choices = !c
    ? []
    : request.kind === 'connect'
      ? connectableNetworks(world, c)
      : joinedNetworks(c);
  const [network, setNetwork] = useState(choices[0] ?? '');
  const line = (request.kind === 'connect' ? connectLine : disconnectLine)(
    network,
    request.container,
  );
  const { submit, error } = useCheckedRun(line);
  return (
    <Dialog
      title={t(`${request.kind}.title`)}
      line={line}
      error={error}
      submitLabel={t(`${request.kind}.submit`)}
      onSubmit={submit}
      onClose={closeAll}
    >
      <p className="text-sm">{t('endpoint.container', { name: request.container })}</p>
      {choices.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t(`${request.kind}.none`)}</p>
      ) : (
        <SelectField
          label={t('field.network')}
          value={network}
          onChange={setNetwork}
          choices={choices}
        />
      )}
    </Dialog>
  );
}
