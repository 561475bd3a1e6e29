/** Placeholder: the topology graph (being built). */
export function GraphView() {
  return null;
}
