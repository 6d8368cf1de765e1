import type { AppEvent } from '../../../shared/contract';
import type { Generation } from '../../../shared/domain';
import { KEEP_COMPLETED, OPEN_STATUSES } from '../lib/generations';
import type { AppTransport } from '../transport';
import type { AppStore } from './createAppStore';

/** Keeps the generations slice current: one snapshot at start and after a resync, then pushed events only. */
export interface GenerationsSync {
  load(): Promise<void>;
  handle(event: AppEvent): void;
}

export const createGenerationsSync = (transport: AppTransport, store: AppStore): GenerationsSync => {
  /** Events that arrive while a snapshot is in flight, replayed on top of it. */
  let buffer: AppEvent[] | null = null;
  const state = store.getState;

  const apply = (event: AppEvent): void => {
    switch (event.name) {
      case 'generation.changed':
        state().upsertGenerations([event.payload.generation]);
        return;
      case 'generation.progress':
        state().generationProgressed(event.payload);
        return;
      case 'queue.changed':
        state().setQueue(event.payload.queue);
        return;
    }
  };

  return {
    async load() {
      const mine: AppEvent[] = [];
      buffer = mine;
      state().generationsLoading();
      const [queue, open, recent] = await Promise.all([
        transport.invoke('queue.status', {}),
        transport.invoke('generations.list', { statuses: [...OPEN_STATUSES], limit: 1000 }),
        transport.invoke('generations.list', { limit: KEEP_COMPLETED }),
      ]);
      if (buffer !== mine) return;
      buffer = null;
      if (!queue.ok || !open.ok || !recent.ok) {
        // Not worth a notice of its own: the projects load fails too and says so.
        state().generationsFailed();
        return;
      }
      const generations: Generation[] = [...recent.value, ...open.value];
      state().generationsLoaded(generations, queue.value);
      for (const event of mine) apply(event);
    },
    handle(event) {
      buffer?.push(event);
      apply(event);
    },
  };
};
