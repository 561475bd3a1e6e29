/** "Export": the applied lines as a JSON scenario file or as a shell script for a real host. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labReady } from '../../store';

type ExportFile = 'exportJson' | 'exportScript';
const ITEMS: readonly ExportFile[] = ['exportJson', 'exportScript'];

/** The files are written by a module fetched on first use, once the engine is in. */
const exportFile = (file: ExportFile) =>
  void labReady.then(() => import('./export-files')).then((files) => files[file]());

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

  const choose = (file: ExportFile) => () => {
    setOpen(false);
    exportFile(file);
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
          {ITEMS.map((key) => (
            <button
              key={key}
              type="button"
              role="menuitem"
              onClick={choose(key)}
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
