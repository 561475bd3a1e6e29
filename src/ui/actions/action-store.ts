/**
 * Which dialog or context menu is open. Kept apart from the lab and the view store: opening a
 * dialog changes nothing in the world, and only the line a dialog runs reaches the log.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ObjectRef } from '../../graph/refs';
import type { RunForm } from './command-line';

export type DialogRequest =
  | { readonly kind: 'run'; readonly preset?: Partial<RunForm>; readonly title?: 'linked' }
  | { readonly kind: 'network' }
  /** `from`: a container's name, or undefined for the host. */
  | { readonly kind: 'ping' | 'curl'; readonly from?: string; readonly to?: string }
  | { readonly kind: 'connect' | 'disconnect'; readonly container: string }
  | { readonly kind: 'rename'; readonly container: string };

export interface MenuRequest {
  readonly ref: ObjectRef;
  /** Viewport coordinates of the menu's top-left corner. */
  readonly x: number;
  readonly y: number;
}

interface ActionState {
  readonly dialog?: DialogRequest;
  readonly menu?: MenuRequest;
  /** Where focus goes back when the menu or dialog closes (the element that opened it). */
  readonly opener?: HTMLElement;
}

export const actionStore = createStore<ActionState>()(() => ({}));

const focused = (): HTMLElement | undefined =>
  document.activeElement instanceof HTMLElement ? document.activeElement : undefined;

export function openMenu(menu: MenuRequest): void {
  actionStore.setState({ menu, dialog: undefined, opener: focused() });
}

export function openDialog(dialog: DialogRequest): void {
  const { menu, opener } = actionStore.getState();
  // From a menu item, focus should return to what opened the menu, not to the item.
  actionStore.setState({ dialog, menu: undefined, opener: menu ? opener : focused() });
}

export function closeAll(): void {
  const { opener } = actionStore.getState();
  actionStore.setState({ dialog: undefined, menu: undefined, opener: undefined });
  if (opener?.isConnected) opener.focus();
}

export function useActions<T>(selector: (s: ActionState) => T): T {
  return useStore(actionStore, selector);
}
