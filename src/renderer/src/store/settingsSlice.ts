import type { AppErrorShape } from '../../../shared/errors';
import type { Settings, TokenStatus } from '../../../shared/settings';
import type { LoadState, SliceCreator } from './types';

export interface SettingsSlice {
  /** The library's settings, loaded at start and kept current by `settings.changed`; null until loaded. */
  settings: Settings | null;
  settingsState: LoadState;
  settingsError: AppErrorShape | null;
  /** Whether a Hugging Face token is set and where it is kept (never the token); null while unknown. */
  tokenStatus: TokenStatus | null;
  tokenError: AppErrorShape | null;
  settingsLoading(): void;
  settingsLoaded(settings: Settings): void;
  settingsFailed(error: AppErrorShape): void;
  tokenStatusLoaded(status: TokenStatus): void;
  tokenStatusFailed(error: AppErrorShape): void;
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set) => ({
  settings: null,
  settingsState: 'idle',
  settingsError: null,
  tokenStatus: null,
  tokenError: null,
  settingsLoading: () => set((state) => ({ settingsState: state.settingsState === 'ready' ? 'ready' : 'loading' })),
  settingsLoaded: (settings) => set({ settings, settingsState: 'ready', settingsError: null }),
  settingsFailed: (error) => set((state) => ({ settingsError: error, settingsState: state.settingsState === 'ready' ? 'ready' : 'error' })),
  tokenStatusLoaded: (tokenStatus) => set({ tokenStatus, tokenError: null }),
  // What was known stays: a failed refresh does not make a set token look unset.
  tokenStatusFailed: (tokenError) => set({ tokenError }),
});
