/** Placeholder: the action toolbar and dialogs (being built). */
export function Toolbar() {
  return null;
}
