/**
 * i18next for the UI: one JSON file per namespace and language under `locales/<lang>/<ns>.json`
 * (each UI area owns its namespace). Command output is never translated: it is what Docker and
 * Linux print.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { detectLanguage, LANGUAGE_KEY, LANGUAGES, type Language } from './language';

export { detectLanguage, LANGUAGES, type Language } from './language';

type Messages = Record<string, unknown>;
const files = import.meta.glob<Messages>('./locales/*/*.json', { eager: true, import: 'default' });

/** `{ en: { common: {...}, graph: {...} }, zh: {...} }` from the files present. */
function resourcesFrom(found: Record<string, Messages>) {
  const resources: Record<string, Record<string, Messages>> = {};
  for (const [path, messages] of Object.entries(found)) {
    const m = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!m) continue;
    (resources[m[1]] ??= {})[m[2]] = messages;
  }
  return resources;
}

export const resources = resourcesFrom(files);
export const namespaces = Object.keys(resources.en ?? {});

function savedLanguage(): string | null {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

const browserLanguages = (): readonly string[] =>
  typeof navigator === 'undefined' ? [] : navigator.languages;

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources,
  lng: detectLanguage(savedLanguage(), browserLanguages()),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  ns: namespaces,
  defaultNS: 'common',
  // React escapes text itself; names and commands must never become markup.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

/** Switches the UI language and remembers the choice. */
export function setLanguage(lang: Language): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_KEY, lang);
  } catch {
    // A private window without storage still switches, for this visit.
  }
  void i18n.changeLanguage(lang);
  if (typeof document !== 'undefined')
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}
