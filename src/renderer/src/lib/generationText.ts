import type { Generation } from '../../../shared/domain';
import type { GenerationStage } from '../../../shared/vocabulary';
import { plural } from './format';

export const STAGE_LABELS: Record<GenerationStage, string> = {
  queued: 'Queued',
  submitting: 'Sending',
  generating: 'Generating',
  saving: 'Saving',
  done: 'Done',
};

/** One or two words for where a job is. */
export const statusLabel = (generation: Generation): string => {
  switch (generation.status) {
    case 'processing':
      return STAGE_LABELS[generation.stage];
    case 'pending':
      return generation.nextAttemptAt !== null ? 'Waiting to retry' : 'Queued';
    case 'completed':
      return 'Done';
    case 'failed':
      return 'Failed';
    case 'cancelled':
      return 'Cancelled';
  }
};

/** 0–100 for the bar: the estimate while running, full when done, empty otherwise. */
export const percentOf = (generation: Generation): number => {
  if (generation.status === 'completed') return 100;
  if (generation.status !== 'processing') return 0;
  return Math.max(0, Math.min(100, Math.round(generation.progress * 100)));
};

export interface TrayCounts {
  running: number;
  queued: number;
  failed: number;
  done: number;
}

export const countJobs = (generations: readonly Generation[]): TrayCounts => {
  const counts: TrayCounts = { running: 0, queued: 0, failed: 0, done: 0 };
  for (const generation of generations) {
    if (generation.status === 'processing') counts.running += 1;
    else if (generation.status === 'pending') counts.queued += 1;
    else if (generation.status === 'failed') counts.failed += 1;
    else if (generation.status === 'completed') counts.done += 1;
  }
  return counts;
};

/** "2 running · 3 queued · 1 failed", leaving out what is zero. */
export const countsText = (counts: TrayCounts): string => {
  const parts = [
    counts.running && `${counts.running.toLocaleString()} running`,
    counts.queued && `${counts.queued.toLocaleString()} queued`,
    counts.failed && `${counts.failed.toLocaleString()} failed`,
    counts.done && `${counts.done.toLocaleString()} done`,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'Nothing queued';
};

/** The collapsed tray's one line. */
export const pillText = (counts: TrayCounts, paused: boolean): string => {
  const active = counts.running + counts.queued;
  if (paused && active) return `Paused · ${plural(active, 'avatar')} waiting`;
  if (counts.running) return `Generating ${counts.running.toLocaleString()}${counts.queued ? ` · ${counts.queued.toLocaleString()} queued` : ''}`;
  if (counts.queued) return `${plural(counts.queued, 'avatar')} queued`;
  return countsText(counts);
};
