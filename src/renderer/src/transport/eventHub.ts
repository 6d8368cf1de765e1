import type { AppEvent, EventPayload } from '../../../shared/contract';
import type { EventName } from '../../../shared/names';

type Listener = (payload: unknown) => void;

/** Fans pushed events out to listeners by name, so each transport subscribes to its source once. */
export interface EventHub {
  emit(event: AppEvent): void;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  onResync(listener: () => void): () => void;
  resync(): void;
}

const safely = (run: () => void): void => {
  try {
    run();
  } catch (error) {
    // One broken listener must not starve the others of events.
    console.error('An event listener failed', error);
  }
};

export const createEventHub = (): EventHub => {
  const listeners = new Map<EventName, Set<Listener>>();
  const resyncListeners = new Set<() => void>();
  return {
    emit(event) {
      for (const listener of [...(listeners.get(event.name) ?? [])]) safely(() => listener(event.payload));
    },
    on(name, listener) {
      const set = listeners.get(name) ?? new Set<Listener>();
      listeners.set(name, set);
      const wrapped = listener as Listener;
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
    onResync(listener) {
      resyncListeners.add(listener);
      return () => {
        resyncListeners.delete(listener);
      };
    },
    resync() {
      for (const listener of [...resyncListeners]) safely(listener);
    },
  };
};
