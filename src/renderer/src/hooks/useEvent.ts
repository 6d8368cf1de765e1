import { useEffect, useRef } from 'react';
import type { EventPayload } from '../../../shared/contract';
import type { EventName } from '../../../shared/names';
import { useTransport } from './appContext';

/** Listens to one pushed event for the life of the component, always calling the latest `listener`. */
export const useEvent = <E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): void => {
  const transport = useTransport();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => transport.on(name, (payload) => latest.current(payload)), [transport, name]);
};
