/** Placeholder: the language switch (being built). */
export function LanguageSwitch() {
  return null;
}
