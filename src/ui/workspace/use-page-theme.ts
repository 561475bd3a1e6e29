/**
 * The page follows the theme the graph's switch sets, from the first paint on (the graph itself
 * loads later): a learner whose system is dark starts dark; the switch then decides.
 */
import { useEffect } from 'react';
import { useView, viewStore } from '../../store/view-store';

export function usePageTheme(): void {
  const theme = useView((s) => s.theme);
  useEffect(() => {
    if (window.matchMedia?.('(prefers-color-scheme: dark)').matches) {
      viewStore.getState().setTheme('dark');
    }
  }, []);
  useEffect(() => {
    document.documentElement.classList.toggle('dark', theme === 'dark');
  }, [theme]);
}
