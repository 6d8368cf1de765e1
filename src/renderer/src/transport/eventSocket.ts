import type { AppEvent } from '../../../shared/contract';
import { isEventName } from '../../../shared/names';
import type { EventHub } from './eventHub';
import type { ConnectionSource, ConnectionState } from './types';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;

const parseEvent = (data: unknown): AppEvent | null => {
  if (typeof data !== 'string') return null;
  try {
    const message = JSON.parse(data) as { name?: unknown; payload?: unknown };
    if (!isEventName(message.name) || !message.payload || typeof message.payload !== 'object') return null;
    return message as AppEvent;
  } catch {
    return null;
  }
};

/** Capped exponential backoff with jitter, so many windows do not reconnect in lockstep. */
const retryDelay = (attempt: number): number => {
  const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
};

/**
 * Keeps one WebSocket to the bridge's event stream open for the life of the page. Every open
 * after a drop (or after a failed first attempt) fires resync: events may have been missed.
 */
export const connectEventSocket = (url: string, hub: EventHub): ConnectionSource => {
  let state: ConnectionState = 'connecting';
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const listeners = new Set<(state: ConnectionState) => void>();

  const setState = (next: ConnectionState): void => {
    if (next === state) return;
    state = next;
    for (const listener of [...listeners]) listener(next);
  };

  const connect = (): void => {
    timer = null;
    const socket = new WebSocket(url);
    socket.addEventListener('open', () => {
      const missedEvents = state === 'reconnecting';
      attempt = 0;
      setState('open');
      if (missedEvents) hub.resync();
    });
    socket.addEventListener('message', (message) => {
      const event = parseEvent(message.data);
      if (event) hub.emit(event);
    });
    socket.addEventListener('close', () => {
      setState('reconnecting');
      timer = setTimeout(connect, retryDelay(attempt));
      attempt += 1;
    });
  };

  // Back online, or the tab is looked at again: no reason to sit out the rest of a long backoff.
  const retryNow = (): void => {
    if (state !== 'reconnecting' || timer === null) return;
    clearTimeout(timer);
    attempt = 0;
    connect();
  };
  window.addEventListener('online', retryNow);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') retryNow();
  });

  connect();
  return {
    state: () => state,
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
};
