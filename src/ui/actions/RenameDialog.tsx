/** "Rename…": one field, the new name; the line is `docker rename OLD NEW`. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { closeAll, type DialogRequest } from './action-store';
import { renameLine } from './command-line';
import { Dialog } from './Dialog';
import { TextField } from './Fields';
import { useCheckedRun } from './use-checked-run';

type Request = Extract<DialogRequest, { kind: 'rename' }>;

export function RenameDialog({ request }: { request: Request }) {
  const { t } = useTranslation('actions');
  const [name, setName] = useState(request.container);
  const line = renameLine(request.container, name);
  const { submit, error } = useCheckedRun(line);
  return (
    <Dialog
      title={t('rename.title')}
      line={line}
      error={error}
      submitLabel={t('rename.submit')}
      onSubmit={submit}
      onClose={closeAll}
    >
      <TextField
        label={t('rename.newName')}
        hint={t('rename.hint')}
        value={name}
        onChange={setName}
        autoFocus
        spellCheck={false}
      />
    </Dialog>
  );
}
