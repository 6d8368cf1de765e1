import type { AppEvent } from '../../../shared/contract';
import type { AppTransport } from '../transport';
import type { AppStore } from './createAppStore';

/** Keeps the presets slice current: one snapshot when first needed (and after a resync), then pushed events. */
export interface PresetsSync {
  /** Loads the presets unless they are loaded or loading; `force` reloads (the "Try again" button). */
  ensure(force?: boolean): Promise<void>;
  handle(event: AppEvent): void;
  resync(): void;
}

export const createPresetsSync = (transport: AppTransport, store: AppStore): PresetsSync => {
  /** Events that arrive while a snapshot is in flight, replayed on top of it. */
  let buffer: AppEvent[] | null = null;
  const state = store.getState;

  // Remember the project last opened, so "Use preset" can offer it first.
  store.subscribe((next, previous) => {
    if (next.openProjectId && next.openProjectId !== previous.openProjectId) next.setLastProjectId(next.openProjectId);
  });

  const apply = (event: AppEvent): void => {
    if (event.name === 'preset.changed') state().upsertPreset(event.payload.preset);
    else if (event.name === 'preset.deleted') state().removePreset(event.payload.id);
  };

  const load = async (): Promise<void> => {
    const mine: AppEvent[] = [];
    buffer = mine;
    state().presetsLoading();
    const result = await transport.invoke('presets.list', {});
    if (buffer !== mine) return;
    buffer = null;
    if (!result.ok) {
      state().presetsFailed(result.error);
      return;
    }
    state().presetsLoaded(result.value);
    for (const event of mine) apply(event);
  };

  return {
    async ensure(force = false) {
      const { presetsState } = state();
      if (!force && (presetsState === 'ready' || buffer !== null)) return;
      await load();
    },
    handle(event) {
      buffer?.push(event);
      apply(event);
    },
    resync() {
      // Only what has been loaded needs catching up; the gallery loads afresh when first opened.
      if (state().presetsState !== 'idle') void load();
    },
  };
};
