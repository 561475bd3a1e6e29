/** Placeholder: undo/redo, new lab, export/import, timeline (being built). */
export function ScenarioControls() {
  return null;
}
