import { useEffect } from 'react';
import { applyTheme } from '../lib/theme';
import { useAppStore } from './appContext';

/** Applies the theme setting live: from this window, another one, or the command line. */
export const useTheme = (): void => {
  const theme = useAppStore((state) => state.settings?.theme ?? null);
  useEffect(() => {
    if (theme) applyTheme(theme);
  }, [theme]);
};
