import { useEffect } from 'react';
import type { ThemeSetting } from '../../../shared/ipc/views-app.ts';

/**
 * Applies the theme setting to <html data-theme>, following the OS while it is "system"
 * (and switching live when the OS switches).
 */
export function useApplyTheme(theme: ThemeSetting): void {
  useEffect(() => {
    const root = document.documentElement;
    if (theme !== 'system') {
      root.dataset.theme = theme;
      return;
    }
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      root.dataset.theme = query.matches ? 'dark' : 'light';
    };
    apply();
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, [theme]);
}
