import type { EventPayload } from '../../../shared/contract';
import type { Generation } from '../../../shared/domain';
import { GENERATION_STAGES, type GenerationStage, type GenerationStatus } from '../../../shared/vocabulary';

export type GenerationMap = Readonly<Record<string, Generation>>;
export type GenerationProgress = EventPayload<'generation.progress'>;

export const ACTIVE_STATUSES = ['pending', 'processing'] as const satisfies readonly GenerationStatus[];
/** What the snapshot asks for in full: everything still running or needing a decision. */
export const OPEN_STATUSES = ['pending', 'processing', 'failed', 'cancelled'] as const satisfies readonly GenerationStatus[];
/** Finished jobs kept in memory beyond this many go, oldest first: the tray shows recent ones only. */
export const KEEP_COMPLETED = 50;

export const isActive = (generation: Generation): boolean => generation.status === 'pending' || generation.status === 'processing';
export const canCancel = isActive;
export const canRetry = (generation: Generation): boolean => generation.status === 'failed' || generation.status === 'cancelled';

const stageRank = (stage: GenerationStage): number => GENERATION_STAGES.indexOf(stage);

/**
 * The copy to keep when `incoming` meets `held`. An older row never replaces a newer one; within
 * one running attempt the live progress (pushed between row changes) never moves backwards.
 */
export const mergeGeneration = (held: Generation | undefined, incoming: Generation): Generation => {
  if (!held) return incoming;
  if (held.updatedAt > incoming.updatedAt) return held;
  const sameRun = held.status === 'processing' && incoming.status === 'processing' && held.attempts === incoming.attempts;
  if (!sameRun) return incoming;
  const stage = stageRank(held.stage) > stageRank(incoming.stage) ? held.stage : incoming.stage;
  return { ...incoming, stage, progress: Math.max(held.progress, incoming.progress) };
};

/** A throttled progress event applied to the job it names; unknown ids wait for their generation.changed. */
export const applyProgress = (map: GenerationMap, { id, stage, progress }: GenerationProgress): GenerationMap => {
  const held = map[id];
  if (!held || held.status !== 'processing') return map;
  const order = stageRank(stage) - stageRank(held.stage);
  // An earlier stage is a stale event; within one stage the bar only moves forward.
  if (order < 0 || (order === 0 && progress <= held.progress)) return map;
  return { ...map, [id]: { ...held, stage, progress } };
};

const finishedAt = (generation: Generation): number => generation.finishedAt ?? generation.updatedAt;

/** Drops the oldest completed jobs beyond KEEP_COMPLETED, so a long session does not grow without end. */
export const pruneCompleted = (map: GenerationMap): GenerationMap => {
  const completed = Object.values(map).filter((generation) => generation.status === 'completed');
  if (completed.length <= KEEP_COMPLETED) return map;
  const drop = completed.sort((a, b) => finishedAt(b) - finishedAt(a)).slice(KEEP_COMPLETED);
  const next = { ...map };
  for (const generation of drop) delete next[generation.id];
  return next;
};

export const upsertAll = (map: GenerationMap, incoming: readonly Generation[]): GenerationMap => {
  if (incoming.length === 0) return map;
  const next: Record<string, Generation> = { ...map };
  for (const generation of incoming) next[generation.id] = mergeGeneration(next[generation.id], generation);
  return pruneCompleted(next);
};

const STATUS_ORDER: Record<GenerationStatus, number> = { processing: 0, pending: 1, failed: 2, cancelled: 3, completed: 3 };
const PRIORITY_ORDER = { interactive: 0, batch: 1 } as const;

/** Running first, then the queue in the order it will run, then failures (they want a decision), then the rest, newest first. */
export const trayOrder = (a: Generation, b: Generation): number =>
  STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
  (a.status === 'processing' ? (a.startedAt ?? 0) - (b.startedAt ?? 0) : 0) ||
  (a.status === 'pending' ? PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || a.createdAt - b.createdAt : 0) ||
  finishedAt(b) - finishedAt(a) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Shown in the tray: everything active, and finished jobs the user has not cleared. */
export const isShown = (generation: Generation, clearedBefore: number): boolean =>
  isActive(generation) || finishedAt(generation) > clearedBefore;
