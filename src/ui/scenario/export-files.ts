/**
 * Export's two files: the applied lines as a JSON scenario, or as a shell script for a real host.
 * Loaded when Export is first used (ExportMenu.tsx): both need the engine's view of the lab.
 */
import { toScenarioJson, toShellScript } from '../../share';
import { readyLab, selectAppliedLog } from '../../store';
import { selectShareHash, selectTypedLines } from '../../store/lab-engine';
import { downloadText } from '../download';

const FILE = 'docker-network-lab';

export function exportJson() {
  const s = readyLab();
  downloadText(
    `${FILE}.json`,
    toScenarioJson({ seed: s.seed, commands: selectAppliedLog(s) }),
    'application/json',
  );
}

export function exportScript() {
  const s = readyLab();
  const url = location.origin + location.pathname + selectShareHash(s);
  const script = toShellScript(selectTypedLines(s), { url, seed: s.seed });
  downloadText(`${FILE}.sh`, script, 'text/x-shellscript');
}
