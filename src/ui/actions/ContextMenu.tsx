/**
 * The context menu (WAI-ARIA menu pattern): opened on a graph node (right-click, long-press),
 * on the selected outline item (Shift+F10, ContextMenu key) or by the inspector's "Actions"
 * button. ↑/↓/Home/End move, Enter runs, Esc closes and returns focus to the opener.
 */
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { labStore, useReadyLab } from '../../store';
import { closeAll, openDialog, type MenuRequest } from './action-store';
import { subjectOf } from '../inspector/inspected';
import { menuItems, type MenuItem } from './menu-items';

export function ContextMenu({ menu }: { menu: MenuRequest }) {
  const { t } = useTranslation('actions');
  const world = useReadyLab((s) => s.world);
  const items = useMemo(() => menuItems(world, menu.ref), [world, menu.ref]);
  const subject = subjectOf(world, menu.ref);
  const ref = useRef<HTMLUListElement>(null);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) closeAll();
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, []);

  const choose = (item: MenuItem) => {
    if (item.disabled !== undefined) return;
    if (item.dialog) return openDialog(item.dialog);
    closeAll();
    if (item.line) labStore.getState().run(item.line);
    if (item.id === 'shell')
      document.querySelector<HTMLElement>('input[aria-label="Terminal input"]')?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const all = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const i = all.indexOf(document.activeElement as HTMLElement);
    const go = (j: number) => all[(j + all.length) % all.length]?.focus();
    switch (e.key) {
      case 'ArrowDown':
        go(i + 1);
        break;
      case 'ArrowUp':
        go(i - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(all.length - 1);
        break;
      case 'Escape':
      case 'Tab':
        closeAll();
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  if (!subject || items.length === 0) return null;
  // Keep the menu on screen near where it was asked for.
  const left = Math.max(4, Math.min(menu.x, window.innerWidth - 260));
  const top = Math.max(4, Math.min(menu.y, window.innerHeight - 40 * items.length - 40));
  return (
    <ul
      ref={ref}
      role="menu"
      aria-label={t('menu.label', { name: subject.name })}
      onKeyDown={onKeyDown}
      style={{ left, top }}
      className="fixed z-50 min-w-56 rounded-lg border border-slate-200 bg-white py-1 text-sm shadow-xl dark:border-slate-700 dark:bg-slate-900"
    >
      <li
        role="presentation"
        className="px-3 py-1 font-mono text-xs text-slate-500 dark:text-slate-400"
      >
        {t(`menu.subject.${subject.kind}`, { name: subject.name })}
      </li>
      {items.map((item) => (
        <li
          key={item.id}
          role="menuitem"
          tabIndex={-1}
          aria-disabled={item.disabled !== undefined || undefined}
          title={item.disabled ?? item.line}
          onClick={() => choose(item)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              choose(item);
            }
          }}
          className={`cursor-pointer px-3 py-1.5 outline-none focus:bg-sky-100 dark:focus:bg-sky-900 ${
            item.disabled !== undefined
              ? 'cursor-not-allowed text-slate-400 dark:text-slate-500'
              : 'hover:bg-slate-100 dark:hover:bg-slate-800'
          }`}
        >
          {t(`menu.${item.id}`)}
        </li>
      ))}
    </ul>
  );
}
