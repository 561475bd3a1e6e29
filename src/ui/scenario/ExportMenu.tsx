/** "Export": the applied lines as a JSON scenario file or as a shell script for a real host. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toScenarioJson, toShellScript } from '../../share';
import { labStore, selectAppliedLog, selectShareHash, selectTypedLines } from '../../store';
import { downloadText } from '../download';

const FILE = 'docker-network-lab';

function exportJson() {
  const s = labStore.getState();
  downloadText(
    `${FILE}.json`,
    toScenarioJson({ seed: s.seed, commands: selectAppliedLog(s) }),
    'application/json',
  );
}

function exportScript() {
  const s = labStore.getState();
  const url = location.origin + location.pathname + selectShareHash(s);
  const script = toShellScript(selectTypedLines(s), { url, seed: s.seed });
  downloadText(`${FILE}.sh`, script, 'text/x-shellscript');
}

const ITEMS = [
  ['exportJson', exportJson],
  ['exportScript', exportScript],
] as const;

export function ExportMenu({ buttonClass }: { buttonClass: string }) {
  const { t } = useTranslation('scenario');
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const close = (e: MouseEvent) => {
      if (!menuRef.current?.parentElement?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const choose = (action: () => void) => () => {
    setOpen(false);
    action();
  };

  return (
    <div className="relative">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className={buttonClass}
      >
        {t('export')}
      </button>
      {open && (
        <div
          ref={menuRef}
          role="menu"
          aria-label={t('export')}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
          }}
          className="absolute left-0 z-20 mt-1 flex w-48 flex-col rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-800"
        >
          {ITEMS.map(([key, action]) => (
            <button
              key={key}
              type="button"
              role="menuitem"
              onClick={choose(action)}
              className="px-3 py-1.5 text-left hover:bg-slate-100 focus:bg-slate-100 focus:outline-none dark:hover:bg-slate-700 dark:focus:bg-slate-700"
            >
              {t(key)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
