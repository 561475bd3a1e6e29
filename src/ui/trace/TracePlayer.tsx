/** Placeholder: the packet trace player and event list (being built). */
export function TracePlayer() {
  return null;
}
