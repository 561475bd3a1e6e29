/**
 * The topology as text (design.md contract 3): a WAI-ARIA tree over `topologyOutline(world)`.
 * One item is in the Tab order (roving tabindex); arrows move, ←/→ fold and unfold, Home/End
 * jump; click, Enter or Space selects the object, in the graph too (the view store's
 * selection). Names are rendered as text, never markup.
 */
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { topologyOutline, type OutlineKind, type OutlineNode } from '../../graph/outline';
import type { ObjectRef } from '../../graph/refs';
import { useReadyLab } from '../../store';
import { useView, viewStore } from '../../store/view-store';

export function TopologyOutline() {
  const { t, i18n } = useTranslation('outline');
  const world = useReadyLab((s) => s.world);
  const selected = useView((s) => s.selected);
  const tree = useMemo(
    () =>
      topologyOutline(world, {
        networks: t('group.networks'),
        otherContainers: t('group.otherContainers'),
        vethPairs: t('group.vethPairs'),
        publishedPorts: t('group.publishedPorts'),
        none: t('none'),
      }),
    // The words change with the language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [world, t, i18n.language],
  );
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [active, setActive] = useState<string | null>(null);
  // The remembered item may have gone with its container; fall back to the first one.
  const activeId = active !== null && contains(tree, active) ? active : (tree[0]?.id ?? null);

  const toggle = (id: string, open: boolean) =>
    setCollapsed((prev) => {
      if (prev.has(id) !== open) return prev;
      const next = new Set(prev);
      if (open) next.delete(id);
      else next.add(id);
      return next;
    });

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const item = (e.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
    if (!item) return;
    const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="treeitem"]')];
    const i = items.indexOf(item);
    const id = item.dataset.outlineId!;
    const ref = item.dataset.ref;
    const expanded = item.getAttribute('aria-expanded');
    let target: HTMLElement | null | undefined;
    switch (e.key) {
      case 'ArrowDown':
        target = items[i + 1];
        break;
      case 'ArrowUp':
        target = items[i - 1];
        break;
      case 'Home':
        target = items[0];
        break;
      case 'End':
        target = items.at(-1);
        break;
      case 'ArrowRight':
        if (expanded === 'false') toggle(id, true);
        else if (expanded === 'true') target = items[i + 1];
        break;
      case 'ArrowLeft':
        if (expanded === 'true') toggle(id, false);
        else
          target = item
            .closest('li')
            ?.parentElement?.closest('li')
            ?.querySelector<HTMLElement>(':scope > [role="treeitem"]');
        break;
      case 'Enter':
      case ' ':
        if (ref) viewStore.getState().select(ref);
        else if (expanded !== null) toggle(id, expanded === 'false');
        break;
      default:
        return;
    }
    e.preventDefault();
    target?.focus();
  };

  return (
    <section
      aria-label="Topology outline"
      className="flex min-h-48 flex-1 flex-col overflow-hidden rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <header className="flex items-baseline justify-between gap-3 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
        <h2 className="text-sm font-semibold">{t('title')}</h2>
        <p className="text-xs text-slate-500 dark:text-slate-400">{t('hint')}</p>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto px-2 py-2 text-sm">
        <ul
          role="tree"
          aria-label={t('treeLabel')}
          onKeyDown={onKeyDown}
          onFocus={(e) => {
            const id = (e.target as HTMLElement).dataset.outlineId;
            if (id) setActive(id);
          }}
        >
          {tree.map((node) => (
            <OutlineItem
              key={node.id}
              node={node}
              level={1}
              activeId={activeId}
              selected={selected}
              collapsed={collapsed}
              onToggle={toggle}
            />
          ))}
        </ul>
      </div>
    </section>
  );
}

interface ItemProps {
  node: OutlineNode;
  level: number;
  activeId: string | null;
  selected: ObjectRef | undefined;
  collapsed: ReadonlySet<string>;
  onToggle: (id: string, open: boolean) => void;
}

function OutlineItem({ node, level, activeId, selected, collapsed, onToggle }: ItemProps) {
  const parent = node.children.length > 0;
  const open = parent && !collapsed.has(node.id);
  const isSelected = node.ref !== undefined && node.ref === selected;
  const onClick = () => {
    if (node.ref) viewStore.getState().select(node.ref);
    else if (parent) onToggle(node.id, !open);
  };
  return (
    // The item is the row itself, its group a sibling (aria-level says the nesting), so its
    // accessible name is what the row shows, not every line below it.
    <li role="none">
      <div
        role="treeitem"
        data-outline-id={node.id}
        data-ref={node.ref}
        aria-selected={node.ref ? isSelected : undefined}
        aria-level={level}
        aria-expanded={parent ? open : undefined}
        tabIndex={node.id === activeId ? 0 : -1}
        onClick={parent || node.ref ? onClick : undefined}
        className={`flex gap-1.5 rounded px-1 py-0.5 outline-none focus-visible:bg-sky-50 focus-visible:ring-2 focus-visible:ring-sky-500 dark:focus-visible:bg-sky-950 ${parent || node.ref ? 'cursor-pointer hover:bg-slate-100 dark:hover:bg-slate-800' : ''} ${isSelected ? 'bg-sky-100 ring-1 ring-sky-400 dark:bg-sky-900/60 dark:ring-sky-600' : ''}`}
      >
        <span
          aria-hidden="true"
          onClick={
            parent
              ? (e) => {
                  e.stopPropagation();
                  onToggle(node.id, !open);
                }
              : undefined
          }
          className="w-3 shrink-0 text-center text-slate-400 select-none dark:text-slate-500"
        >
          {parent ? (open ? '▾' : '▸') : ''}
        </span>
        <span aria-hidden="true" className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${dot(node)}`} />
        <span className="min-w-0">
          <span className={labelClass(node.kind)}>
            {node.name !== undefined && node.label.startsWith(node.name) ? (
              <>
                <span className="font-semibold">{node.name}</span>
                <span className={restClass(node)}>{node.label.slice(node.name.length)}</span>
              </>
            ) : (
              node.label
            )}
          </span>
          {node.details.length > 0 && (
            // Each fact moves to a new line as a whole; one wider than the panel breaks at its spaces,
            // never inside an address.
            <span className="flex flex-wrap gap-x-3 font-mono text-xs text-slate-500 dark:text-slate-400">
              {node.details.map((d) => (
                <span key={d} className="min-w-0">
                  {d}
                </span>
              ))}
            </span>
          )}
        </span>
      </div>
      {open && (
        <ul role="group" className="ml-3 border-l border-slate-200 pl-2 dark:border-slate-700">
          {node.children.map((child) => (
            <OutlineItem
              key={child.id}
              node={child}
              level={level + 1}
              activeId={activeId}
              selected={selected}
              collapsed={collapsed}
              onToggle={onToggle}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

function contains(nodes: readonly OutlineNode[], id: string): boolean {
  return nodes.some((n) => n.id === id || contains(n.children, id));
}

function labelClass(kind: OutlineKind): string {
  switch (kind) {
    case 'host':
      return 'font-semibold';
    case 'group':
      return 'text-xs font-medium tracking-wide text-slate-600 uppercase dark:text-slate-300';
    case 'note':
      return 'text-slate-500 italic dark:text-slate-400';
    default:
      return 'font-mono text-[13px] wrap-anywhere';
  }
}

/** After a name: a container's state in its colour, a network's driver and subnet muted. */
function restClass(node: OutlineNode): string {
  if (node.kind !== 'container') return 'text-slate-600 dark:text-slate-300';
  return node.status === 'running'
    ? 'text-emerald-700 dark:text-emerald-400'
    : 'text-slate-500 dark:text-slate-400';
}

/** A colour per kind, so the eye finds networks, containers and links before reading. */
function dot(node: OutlineNode): string {
  switch (node.kind) {
    case 'host':
      return 'bg-slate-700 dark:bg-slate-300';
    case 'network':
      return 'bg-sky-500';
    case 'container':
      return node.status === 'running' ? 'bg-emerald-500' : 'bg-slate-400';
    case 'veth':
      return 'bg-violet-500';
    case 'port':
      return 'bg-amber-500';
    default:
      return 'hidden';
  }
}
