import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppController } from '../store/controller';
import type { AppStore } from '../store/createAppStore';
import type { AppState } from '../store/types';
import type { AppTransport } from '../transport';

export interface AppServices {
  transport: AppTransport;
  store: AppStore;
  controller: AppController;
}

export const AppContext = createContext<AppServices | null>(null);

const useServices = (): AppServices => {
  const services = useContext(AppContext);
  if (!services) throw new Error('AppContext is missing: render inside <AppContext.Provider>.');
  return services;
};

export const useTransport = (): AppTransport => useServices().transport;
export const useController = (): AppController => useServices().controller;
export const useAppStore = <T>(selector: (state: AppState) => T): T => useStore(useServices().store, selector);
/** Actions never change identity, so reading them this way never re-renders. */
export const useActions = (): AppState => useServices().store.getState();
