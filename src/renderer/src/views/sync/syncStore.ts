import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppErrorShape } from '../../../../shared/errors';
import type { SyncStatus } from '../../../../shared/sync';
import type { Transport } from '../../../../shared/transport';
import { useTransport } from '../../hooks/appContext';

export interface SyncView {
  status: SyncStatus | null;
  /** Why the status could not be read (UNSUPPORTED before the sync engine exists, a lost bridge…). */
  error: AppErrorShape | null;
}

export interface SyncStore extends StoreApi<SyncView> {
  /** Reads sync.status again (after a resync); an event that lands meanwhile wins over the snapshot. */
  load(): Promise<void>;
  /** A command's answer (login, pause…) is the newest status. */
  apply(status: SyncStatus): void;
}

/** One sync status per transport, kept live by `sync.changed`: the top bar, a project and Settings share it. */
export const createSyncStore = (transport: Pick<Transport, 'invoke' | 'on' | 'onResync'>): SyncStore => {
  const store = createStore<SyncView>()(() => ({ status: null, error: null }));
  /** Counts pushed statuses, so a snapshot that was in flight while one arrived is dropped. */
  let version = 0;
  const apply = (status: SyncStatus): void => {
    version += 1;
    store.setState({ status, error: null });
  };
  const load = async (): Promise<void> => {
    const started = version;
    const result = await transport.invoke('sync.status', {});
    if (version !== started) return;
    if (result.ok) store.setState({ status: result.value, error: null });
    else store.setState({ error: result.error });
  };
  transport.on('sync.changed', ({ status }) => apply(status));
  transport.onResync(() => void load());
  void load();
  return Object.assign(store, { load, apply });
};

const stores = new WeakMap<object, SyncStore>();

export const syncStoreFor = (transport: Pick<Transport, 'invoke' | 'on' | 'onResync'>): SyncStore => {
  let store = stores.get(transport);
  if (!store) {
    store = createSyncStore(transport);
    stores.set(transport, store);
  }
  return store;
};

export const useSyncStore = (): SyncStore => syncStoreFor(useTransport());

export const useSyncView = <T>(selector: (view: SyncView) => T): T => useStore(useSyncStore(), selector);
