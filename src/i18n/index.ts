/**
 * i18next for the UI: one JSON file per namespace and language under `locales/<lang>/<ns>.json`
 * (each UI area owns its namespace). Command output is never translated: it is what Docker and
 * Linux print.
 *
 * The first screen's English strings ship with the page; every other file (the other language,
 * the lessons, the trace player…) downloads when a part of the page first asks for it.
 */
import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { detectLanguage, LANGUAGE_KEY, LANGUAGES, type Language } from './language';

export { detectLanguage, LANGUAGES, type Language } from './language';

type Messages = Record<string, unknown>;

/**
 * The namespaces the page's first screen (lab bar, side panel tabs, terminal) reads. The globs
 * below spell the list out again: import.meta.glob takes literals only.
 */
const FIRST_SCREEN = ['common', 'workspace', 'scenario', 'actions', 'share'];

const bundled = import.meta.glob<Messages>(
  './locales/en/{common,workspace,scenario,actions,share}.json',
  { eager: true, import: 'default' },
);
const files = import.meta.glob<Messages>(
  ['./locales/*/*.json', '!./locales/en/{common,workspace,scenario,actions,share}.json'],
  { import: 'default' },
);

const fileOf = (lng: string, ns: string) => `./locales/${lng}/${ns}.json`;

/** i18next's backend over the locale files, each fetched on its first use. */
const backend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(lng, ns, callback) {
    const load = files[fileOf(lng, ns)];
    if (!load) return callback(new Error(`no strings for ${lng}/${ns}`), false);
    load().then(
      (messages) => callback(null, messages as ResourceKey),
      (error: unknown) =>
        callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

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
void i18n
  .use(backend)
  .use(initReactI18next)
  .init({
    resources: {
      en: Object.fromEntries(FIRST_SCREEN.map((ns) => [ns, bundled[fileOf('en', ns)]])),
    },
    partialBundledLanguages: true,
    lng: detectLanguage(savedLanguage(), browserLanguages()),
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    ns: FIRST_SCREEN,
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
