import { useCallback, useEffect, useRef } from 'react';
import type { AppEvent } from '../../../shared/contract';
import type { EventName } from '../../../shared/names';
import { useTransport } from './appContext';

/**
 * Calls `refresh` (at most once per `delayMs`, trailing) whenever one of `names` is pushed and
 * `relevant` says it matters, and after a resync. Pushed events only: nothing polls. Returns a
 * function that asks for the same debounced refresh (after a change this window made itself).
 */
export const useRefreshOnEvents = (names: readonly EventName[], refresh: () => void, { relevant, delayMs = 400 }: { relevant?: (event: AppEvent) => boolean; delayMs?: number } = {}): (() => void) => {
  const transport = useTransport();
  const latest = useRef({ refresh, relevant });
  latest.current = { refresh, relevant };
  const key = names.join(',');
  const scheduleRef = useRef<() => void>(() => {});

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const schedule = () => {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        latest.current.refresh();
      }, delayMs);
    };
    const stops = key
      .split(',')
      .filter(Boolean)
      .map((name) =>
        transport.on(name as EventName, (payload) => {
          const check = latest.current.relevant;
          if (!check || check({ name, payload } as AppEvent)) schedule();
        }),
      );
    stops.push(transport.onResync(schedule));
    scheduleRef.current = schedule;
    return () => {
      scheduleRef.current = () => {};
      stops.forEach((stop) => stop());
      if (timer !== null) clearTimeout(timer);
    };
  }, [delayMs, key, transport]);

  return useCallback(() => scheduleRef.current(), []);
};
