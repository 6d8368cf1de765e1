import { useMemo, useSyncExternalStore } from 'react';
import { ROUTE_CHANGE, parseRoute, type Route } from '../lib/route';

const subscribe = (onChange: () => void): (() => void) => {
  window.addEventListener(ROUTE_CHANGE, onChange);
  return () => window.removeEventListener(ROUTE_CHANGE, onChange);
};

const currentHash = (): string => window.location.hash;

export const useRoute = (): Route => {
  const hash = useSyncExternalStore(subscribe, currentHash);
  return useMemo(() => parseRoute(hash), [hash]);
};
