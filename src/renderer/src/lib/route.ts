import { PRESET_CATEGORIES, type PresetCategory } from '../../../shared/vocabulary';

/** Where the user is. Kept in the URL hash so reloads, back/forward and deep links all work. */
export type Route =
  | { kind: 'projects' }
  | { kind: 'project'; projectId: string; avatarId: string | null }
  | { kind: 'presets'; category: PresetCategory | null }
  | { kind: 'stats' }
  | { kind: 'credits' }
  | { kind: 'settings'; section: SettingsSection | null };

/** The parts of the Settings page a link can point at (`#/settings/credits`). */
export const SETTINGS_SECTIONS = ['generation', 'token', 'credits', 'appearance', 'library', 'sync'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

const PROJECT_HASH = /^#\/projects\/([A-Za-z0-9_]+)(?:\/avatars\/([A-Za-z0-9_]+))?\/?$/;
const PRESETS_HASH = /^#\/presets(?:\/([a-z_]+))?\/?$/;
const STATS_HASH = /^#\/stats\/?$/;
const CREDITS_HASH = /^#\/credits\/?$/;
const SETTINGS_HASH = /^#\/settings(?:\/([a-z]+))?\/?$/;

export const parseRoute = (hash: string): Route => {
  const presets = PRESETS_HASH.exec(hash);
  if (presets) return { kind: 'presets', category: PRESET_CATEGORIES.find((category) => category === presets[1]) ?? null };
  if (STATS_HASH.test(hash)) return { kind: 'stats' };
  if (CREDITS_HASH.test(hash)) return { kind: 'credits' };
  const settings = SETTINGS_HASH.exec(hash);
  if (settings) return { kind: 'settings', section: SETTINGS_SECTIONS.find((section) => section === settings[1]) ?? null };
  const match = PROJECT_HASH.exec(hash);
  if (!match) return { kind: 'projects' };
  return { kind: 'project', projectId: match[1]!, avatarId: match[2] ?? null };
};

export const routeHash = (route: Route): string => {
  if (route.kind === 'projects') return '#/';
  if (route.kind === 'presets') return route.category ? `#/presets/${route.category}` : '#/presets';
  if (route.kind === 'stats') return '#/stats';
  if (route.kind === 'credits') return '#/credits';
  if (route.kind === 'settings') return route.section ? `#/settings/${route.section}` : '#/settings';
  return route.avatarId ? `#/projects/${route.projectId}/avatars/${route.avatarId}` : `#/projects/${route.projectId}`;
};

export const ROUTE_CHANGE = 'hashchange';

/**
 * Goes to `route`. `replace` swaps the history entry (selecting an avatar should not make Back
 * step through every card looked at).
 */
export const navigate = (route: Route, { replace = false }: { replace?: boolean } = {}): void => {
  const hash = routeHash(route);
  if (window.location.hash === hash || (hash === '#/' && window.location.hash === '')) return;
  if (!replace) {
    window.location.hash = hash;
    return;
  }
  window.history.replaceState(window.history.state, '', hash);
  window.dispatchEvent(new HashChangeEvent(ROUTE_CHANGE));
};
