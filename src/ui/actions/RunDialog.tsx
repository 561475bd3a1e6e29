/**
 * "Run container" (and "Run a linked container", "Run a container here"): the options of
 * `docker run` that shape networking. Links can only name containers that exist, and the network
 * list holds only what exists plus the modes `host`, `none` and `container:<name>`.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReadyLab } from '../../store';
import { closeAll, type DialogRequest } from './action-store';
import { runLine } from './command-line';
import { Dialog } from './Dialog';
import { inputClass, SelectField, TextField } from './Fields';
import { containersOf, IMAGES, networkNames } from './lab-choices';
import { useCheckedRun } from './use-checked-run';

type Request = Extract<DialogRequest, { kind: 'run' }>;

export function RunDialog({ request }: { request: Request }) {
  const { t } = useTranslation('actions');
  const world = useReadyLab((s) => s.world);
  const containers = containersOf(world).map((c) => c.name);
  const [name, setName] = useState(request.preset?.name ?? '');
  const [image, setImage] = useState(request.preset?.image ?? 'nginx');
  const [network, setNetwork] = useState(request.preset?.network ?? '');
  const [ports, setPorts] = useState(request.preset?.ports ?? '');
  const [aliases, setAliases] = useState(request.preset?.aliases ?? '');
  /** Linked container -> alias ('' for none), for the checked ones. */
  const [links, setLinks] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      (request.preset?.links ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((l) => [l, '']),
    ),
  );
  const linkWords = Object.entries(links)
    .filter(([c]) => containers.includes(c))
    .map(([c, alias]) => (alias.trim() ? `${c}:${alias.trim()}` : c))
    .join(' ');
  const needsTty = IMAGES.find((i) => i.ref === image)?.needsTty ?? false;
  const line = runLine({ name, image, network, ports, links: linkWords, aliases, needsTty });
  const { submit, error } = useCheckedRun(line);
  const title = request.title === 'linked' ? t('run.linkedTitle') : t('run.title');

  return (
    <Dialog
      title={title}
      line={line}
      error={error}
      submitLabel={t('run.submit')}
      onSubmit={submit}
      onClose={closeAll}
    >
      <div className="grid grid-cols-2 gap-3">
        <TextField label={t('field.name')} value={name} placeholder="web" onChange={setName} />
        <SelectField
          label={t('field.image')}
          value={image}
          onChange={setImage}
          choices={IMAGES.map((i) => i.ref)}
        />
      </div>
      {needsTty && (
        <p className="text-xs text-slate-600 dark:text-slate-400">{t('run.ttyHint', { image })}</p>
      )}
      <SelectField
        label={t('field.network')}
        value={network}
        onChange={setNetwork}
        choices={[
          { value: '', label: t('run.defaultNetwork') },
          ...networkNames(world),
          ...containers.map((c) => `container:${c}`),
        ]}
      />
      <TextField
        label={t('field.ports')}
        hint={t('run.portsHint')}
        value={ports}
        placeholder="8080:80"
        onChange={setPorts}
      />
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium">{t('field.links')}</legend>
        {containers.length === 0 && (
          <p className="text-xs text-slate-600 dark:text-slate-400">{t('run.noContainers')}</p>
        )}
        {containers.map((c) => (
          <div key={c} className="flex items-center gap-2 text-sm">
            <label className="flex items-center gap-1.5 font-mono">
              <input
                type="checkbox"
                checked={c in links}
                onChange={(e) =>
                  setLinks(({ [c]: _drop, ...rest }) =>
                    e.target.checked ? { ...rest, [c]: '' } : rest,
                  )
                }
              />
              {c}
            </label>
            {c in links && (
              <input
                aria-label={t('run.linkAlias', { name: c })}
                className={`${inputClass} w-32 py-0.5`}
                value={links[c]}
                placeholder={t('run.aliasPlaceholder')}
                onChange={(e) => setLinks((l) => ({ ...l, [c]: e.target.value }))}
              />
            )}
          </div>
        ))}
      </fieldset>
      <TextField
        label={t('field.aliases')}
        hint={t('run.aliasesHint')}
        value={aliases}
        placeholder="www"
        onChange={setAliases}
      />
    </Dialog>
  );
}
