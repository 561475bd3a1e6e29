/** Placeholder: the lesson panel (being built). */
export function LessonPanel() {
  return null;
}
