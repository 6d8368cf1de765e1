import type { Theme } from '../../../shared/settings';

/** Each of THEMES in words. */
export const THEME_CHOICES: readonly { id: Theme; label: string; detail: string }[] = [
  { id: 'system', label: 'System', detail: 'Follows this computer’s light or dark mode.' },
  { id: 'light', label: 'Light', detail: 'Always light.' },
  { id: 'dark', label: 'Dark', detail: 'Always dark.' },
];

const THEME_KEY = 'avatar-creator.theme';
const isTheme = (value: unknown): value is Theme => THEME_CHOICES.some((choice) => choice.id === value);

/**
 * Puts the theme on <html data-theme>, where the CSS tokens read it (`system` leaves it to
 * prefers-color-scheme), and remembers it so the next start paints in it before settings load.
 */
export const applyTheme = (theme: Theme): void => {
  document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Storage refused: the next start paints in the system theme until the settings arrive.
  }
};

/** The theme last applied in this browser profile, or `system`. */
export const rememberedTheme = (): Theme => {
  try {
    const saved = localStorage.getItem(THEME_KEY);
    return isTheme(saved) ? saved : 'system';
  } catch {
    return 'system';
  }
};
