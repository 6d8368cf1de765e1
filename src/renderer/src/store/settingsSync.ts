import type { AppEvent } from '../../../shared/contract';
import type { AppTransport } from '../transport';
import type { AppStore } from './createAppStore';

/**
 * Keeps the settings slice current: one snapshot of the settings and the token's status at start
 * (and after a resync), then `settings.changed` and `token.changed`, whichever window, process or
 * CLI made the change.
 */
export interface SettingsSync {
  load(): Promise<void>;
  handle(event: AppEvent): void;
}

export const createSettingsSync = (transport: AppTransport, store: AppStore): SettingsSync => {
  /** Events that arrive while a snapshot is in flight, replayed on top of it. */
  let buffer: AppEvent[] | null = null;
  const state = store.getState;

  const apply = (event: AppEvent): void => {
    if (event.name === 'settings.changed') state().settingsLoaded(event.payload.settings);
    else if (event.name === 'token.changed') state().tokenStatusLoaded(event.payload.status);
  };

  return {
    async load() {
      const mine: AppEvent[] = [];
      buffer = mine;
      state().settingsLoading();
      const [settings, token] = await Promise.all([transport.invoke('settings.get', {}), transport.invoke('token.status', {})]);
      if (buffer !== mine) return;
      buffer = null;
      if (settings.ok) state().settingsLoaded(settings.value);
      else state().settingsFailed(settings.error);
      if (token.ok) state().tokenStatusLoaded(token.value);
      else state().tokenStatusFailed(token.error);
      for (const event of mine) apply(event);
    },
    handle(event) {
      buffer?.push(event);
      apply(event);
    },
  };
};
