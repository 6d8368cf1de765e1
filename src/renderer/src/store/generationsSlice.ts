import type { Generation, QueueStatus } from '../../../shared/domain';
import { applyProgress, upsertAll, type GenerationMap, type GenerationProgress } from '../lib/generations';
import type { LoadState, SliceCreator } from './types';

export interface GenerationsSlice {
  /** Every job this window knows about, keyed by id; kept current by pushed events alone. */
  generations: GenerationMap;
  queue: QueueStatus | null;
  generationsState: LoadState;
  /** The tray is open (expanded) rather than a small summary pill. */
  trayOpen: boolean;
  /** Finished jobs that ended at or before this time are cleared from the tray (they stay in the library). */
  clearedBefore: number;
  generationsLoading(): void;
  generationsLoaded(generations: readonly Generation[], queue: QueueStatus): void;
  generationsFailed(): void;
  upsertGenerations(generations: readonly Generation[]): void;
  generationProgressed(progress: GenerationProgress): void;
  setQueue(queue: QueueStatus): void;
  setTrayOpen(open: boolean): void;
  clearFinished(): void;
}

const CLEARED_KEY = 'avatar-creator.generations.clearedBefore';

const readClearedBefore = (): number => {
  try {
    return Number(localStorage.getItem(CLEARED_KEY)) || 0;
  } catch {
    return 0;
  }
};

const saveClearedBefore = (at: number): void => {
  try {
    localStorage.setItem(CLEARED_KEY, String(at));
  } catch {
    // Storage refused (private mode, quota): clearing still holds for this window.
  }
};

export const createGenerationsSlice: SliceCreator<GenerationsSlice> = (set) => ({
  generations: {},
  queue: null,
  generationsState: 'idle',
  trayOpen: false,
  clearedBefore: readClearedBefore(),
  generationsLoading: () => set((state) => ({ generationsState: state.generationsState === 'ready' ? 'ready' : 'loading' })),
  // A snapshot is the truth at the moment it was read: jobs it no longer lists are gone from view.
  generationsLoaded: (generations, queue) => set({ generations: upsertAll({}, generations), queue, generationsState: 'ready' }),
  generationsFailed: () => set((state) => ({ generationsState: state.generationsState === 'ready' ? 'ready' : 'error' })),
  upsertGenerations: (generations) => set((state) => ({ generations: upsertAll(state.generations, generations) })),
  generationProgressed: (progress) => set((state) => ({ generations: applyProgress(state.generations, progress) })),
  setQueue: (queue) => set({ queue }),
  setTrayOpen: (trayOpen) => set({ trayOpen }),
  clearFinished: () => {
    const at = Date.now();
    saveClearedBefore(at);
    set({ clearedBefore: at });
  },
});
