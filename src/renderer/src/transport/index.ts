import { createElectronTransport } from './electronTransport';
import type { AppTransport } from './types';
import { createWebTransport } from './webTransport';

export type { AppTransport, ConnectionSource, ConnectionState } from './types';

/** Inside Electron the preload has put a bridge on window; anywhere else we are a page of the web bridge. */
export const createTransport = (): AppTransport =>
  window.avatarCreator ? createElectronTransport(window.avatarCreator) : createWebTransport(window.location);
