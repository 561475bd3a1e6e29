/** Placeholder: the reachability matrix (being built). */
export function ReachabilityMatrix() {
  return null;
}
