/** What each line colour means, so a newcomer need not guess which line is a veth pair. */
import { useTranslation } from 'react-i18next';

const ITEMS = [
  { key: 'veth', line: 'border-violet-600 dark:border-violet-400' },
  { key: 'bridgePort', line: 'border-sky-600 dark:border-sky-500' },
  { key: 'link', line: 'border-dashed border-orange-600 dark:border-orange-400' },
  { key: 'published', line: 'border-dashed border-amber-600 dark:border-amber-400' },
] as const;

export function GraphLegend() {
  const { t } = useTranslation('graph');
  return (
    <ul
      aria-label={t('legend.title')}
      className="pointer-events-none absolute bottom-2 left-2 flex flex-wrap gap-x-3 gap-y-1 rounded-md bg-white/85 px-2 py-1 text-[11px] text-slate-600 dark:bg-slate-900/85 dark:text-slate-300"
    >
      {ITEMS.map(({ key, line }) => (
        <li key={key} className="flex items-center gap-1.5">
          <span aria-hidden="true" className={`inline-block w-5 border-t-[3px] ${line}`} />
          {t(`legend.${key}`)}
        </li>
      ))}
    </ul>
  );
}
