/** Placeholder: the inspector (being built). */
export function Inspector() {
  return null;
}
