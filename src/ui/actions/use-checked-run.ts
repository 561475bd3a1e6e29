/**
 * Runs a dialog's line only if the engine would accept it: first a dry run on the current world;
 * a failure keeps the dialog open with the engine's own text, a success goes through the lab's
 * `run(line)`, exactly like typing it, and closes the dialog.
 */
import { useState } from 'react';
import { labStore, readyLab } from '../../store';
import { closeAll } from './action-store';
import { dryRun } from './lab-choices';

export function useCheckedRun(line: string, probe = false) {
  const [failed, setFailed] = useState<{ line: string; error: string }>();
  const submit = () => {
    const error = dryRun(readyLab().world, line, probe);
    if (error !== undefined) {
      setFailed({ line, error });
      return;
    }
    labStore.getState().run(line);
    closeAll();
  };
  // An error speaks of the line it was found in; editing the form makes it stale.
  return { submit, error: failed?.line === line ? failed.error : undefined };
}
