/** "Create network": `docker network create [--subnet] [--gateway] [--internal] NAME`. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { closeAll } from './action-store';
import { networkCreateLine, type NetworkForm } from './command-line';
import { Dialog } from './Dialog';
import { TextField } from './Fields';
import { useCheckedRun } from './use-checked-run';

export function NetworkDialog() {
  const { t } = useTranslation('actions');
  const [form, setForm] = useState<NetworkForm>({
    name: '',
    subnet: '',
    gateway: '',
    internal: false,
  });
  const set = (patch: Partial<NetworkForm>) => setForm((f) => ({ ...f, ...patch }));
  const line = networkCreateLine(form);
  const { submit, error } = useCheckedRun(line);
  return (
    <Dialog
      title={t('network.title')}
      line={line}
      error={error}
      submitLabel={t('network.submit')}
      onSubmit={submit}
      onClose={closeAll}
    >
      <TextField
        label={t('field.name')}
        value={form.name}
        placeholder="mynet"
        required
        onChange={(name) => set({ name })}
      />
      <TextField
        label={t('field.subnet')}
        hint={t('network.subnetHint')}
        value={form.subnet}
        placeholder="172.30.0.0/16"
        onChange={(subnet) => set({ subnet })}
      />
      <TextField
        label={t('field.gateway')}
        hint={t('network.gatewayHint')}
        value={form.gateway}
        placeholder="172.30.0.1"
        onChange={(gateway) => set({ gateway })}
      />
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label className="flex items-center gap-2 font-medium">
          <input
            type="checkbox"
            aria-describedby="network-internal-hint"
            checked={form.internal}
            onChange={(e) => set({ internal: e.target.checked })}
          />
          {t('field.internal')}
        </label>
        <span id="network-internal-hint" className="text-xs text-slate-600 dark:text-slate-400">
          {t('network.internalHint')}
        </span>
      </div>
    </Dialog>
  );
}
