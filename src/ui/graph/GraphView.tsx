/**
 * The topology graph (issue #4 §1): one long-lived Cytoscape canvas patched after every command,
 * with fit, zoom, PNG export and the light/dark switch. Tapping a node selects it in the view
 * store, which the outline and the inspector share.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CANVAS_BG, graphStyle } from '../../graph/style';
import { useView, viewStore, type Theme } from '../../store/view-store';
import { exportPng } from './export-png';
import { GraphLegend } from './GraphLegend';
import { installGraphHook } from './graph-test-hook';
import { useCytoscape } from './use-cytoscape';
import { useGraphSelection } from './use-graph-selection';
import { useLevelOfDetail } from './use-level-of-detail';
import { FIT_PADDING, useGraphSync } from './use-graph-sync';

const BUTTON =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 shadow-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700';

export function GraphView() {
  const { t } = useTranslation('graph');
  const container = useRef<HTMLDivElement>(null);
  const cy = useCytoscape(container);
  const theme = useView((s) => s.theme);
  useGraphSync(cy);
  useGraphSelection(cy);
  useLevelOfDetail(cy);

  useEffect(() => {
    cy?.style(graphStyle(theme));
  }, [cy, theme]);

  useEffect(() => (cy ? installGraphHook(cy) : undefined), [cy]);

  const zoomBy = (factor: number) => {
    if (!cy) return;
    const { width, height } = { width: cy.width(), height: cy.height() };
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: width / 2, y: height / 2 } });
  };
  const nextTheme: Theme = theme === 'dark' ? 'light' : 'dark';

  return (
    <section
      aria-label="Topology graph"
      className="relative flex min-h-72 flex-1 flex-col overflow-hidden rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <header className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-1.5 dark:border-slate-800">
        <h2 className="mr-auto text-sm font-semibold">{t('title')}</h2>
        <button type="button" className={BUTTON} onClick={() => cy?.fit(undefined, FIT_PADDING)}>
          {t('fit')}
        </button>
        <button
          type="button"
          className={BUTTON}
          aria-label={t('zoomIn')}
          title={t('zoomIn')}
          onClick={() => zoomBy(1.25)}
        >
          +
        </button>
        <button
          type="button"
          className={BUTTON}
          aria-label={t('zoomOut')}
          title={t('zoomOut')}
          onClick={() => zoomBy(0.8)}
        >
          −
        </button>
        <button
          type="button"
          className={BUTTON}
          onClick={() => cy && exportPng(cy, CANVAS_BG[theme])}
        >
          {t('exportPng')}
        </button>
        <button
          type="button"
          className={BUTTON}
          onClick={() => viewStore.getState().setTheme(nextTheme)}
        >
          {t(nextTheme === 'dark' ? 'darkTheme' : 'lightTheme')}
        </button>
      </header>
      <div ref={container} className="min-h-0 flex-1" data-testid="graph-canvas" />
      <GraphLegend />
    </section>
  );
}
