/**
 * The open dialog or context menu, whoever asked for it (toolbar, graph, outline, inspector),
 * rendered at the end of the body so it sits outside the toolbar for assistive technology.
 */
import { createPortal } from 'react-dom';
import { useActions } from './action-store';
import { ContextMenu } from './ContextMenu';
import { EndpointDialog } from './EndpointDialog';
import { NetworkDialog } from './NetworkDialog';
import { ProbeDialog } from './ProbeDialog';
import { RenameDialog } from './RenameDialog';
import { RunDialog } from './RunDialog';
import { useGraphActions } from './use-graph-actions';
import { useOutlineMenu } from './use-outline-menu';

export function ActionLayer() {
  const layer = useLayer();
  return layer ? createPortal(layer, document.body) : null;
}

function useLayer() {
  const dialog = useActions((s) => s.dialog);
  const menu = useActions((s) => s.menu);
  useOutlineMenu();
  useGraphActions();
  if (menu) return <ContextMenu key={`${menu.ref}@${menu.x},${menu.y}`} menu={menu} />;
  if (!dialog) return null;
  // A fresh key per request: each opening starts from its own preset.
  const key = JSON.stringify(dialog);
  switch (dialog.kind) {
    case 'run':
      return <RunDialog key={key} request={dialog} />;
    case 'network':
      return <NetworkDialog key={key} />;
    case 'ping':
    case 'curl':
      return <ProbeDialog key={key} request={dialog} />;
    case 'connect':
    case 'disconnect':
      return <EndpointDialog key={key} request={dialog} />;
    case 'rename':
      return <RenameDialog key={key} request={dialog} />;
  }
}
