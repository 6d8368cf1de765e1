import type { AppEvent } from '../../../shared/contract';
import type { SettingsSource } from '../generation/settings';
import type { SettingsService } from './settingsService';

export interface SettingsFollowers {
  emit(event: AppEvent): void;
  /** What generation reads (the service itself, or it with the CLI's overrides on top). */
  generation: SettingsSource;
  setConcurrency(concurrency: number): void;
}

/**
 * Every settings change, from this process or another, becomes `settings.changed`, and a new
 * concurrency reaches the running pool. Only a change of that value touches the pool, so changing
 * the theme never undoes a `queue.setConcurrency` made for this run.
 */
export const followSettings = (settings: SettingsService, followers: SettingsFollowers): (() => void) => {
  let concurrency = followers.generation.generation().concurrency;
  return settings.subscribe((next) => {
    followers.emit({ name: 'settings.changed', payload: { settings: next } });
    const wanted = followers.generation.generation().concurrency;
    if (wanted !== concurrency) {
      concurrency = wanted;
      followers.setConcurrency(wanted);
    }
  });
};
