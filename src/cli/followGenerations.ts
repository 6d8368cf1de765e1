import type { Library } from '../main/core';
import type { Generation } from '../shared/domain';
import type { AppErrorShape } from '../shared/errors';
import type { GenerationStage } from '../shared/vocabulary';

const TERMINAL = new Set<Generation['status']>(['completed', 'failed', 'cancelled']);

export interface JobView {
  generation: Generation;
  stage: GenerationStage;
  progress: number;
}

export interface FollowHandlers {
  onChange(view: JobView, kind: 'changed' | 'progress'): void;
}

export interface FollowResult {
  jobs: Generation[];
  /** Set when the queue paused itself (bad token, no credits): the rest would wait forever, so we stop waiting. */
  pausedBy: AppErrorShape | null;
}

/** Tracks the given jobs through the library's pushed events until every one has finished, or the queue pauses itself. */
export const followGenerations = (library: Library, initial: Generation[], handlers: FollowHandlers): Promise<FollowResult> =>
  new Promise((resolve) => {
    const views = new Map(initial.map((generation) => [generation.id, { generation, stage: generation.stage, progress: generation.progress }]));
    const settled = () => [...views.values()].every((view) => TERMINAL.has(view.generation.status));
    const finish = (pausedBy: AppErrorShape | null = null) => {
      unsubscribe();
      resolve({ jobs: [...views.values()].map((view) => view.generation), pausedBy });
    };
    const unsubscribe = library.events.subscribe((event) => {
      if (event.name === 'generation.changed') {
        const view = views.get(event.payload.generation.id);
        if (!view) return;
        view.generation = event.payload.generation;
        view.stage = event.payload.generation.stage;
        view.progress = event.payload.generation.status === 'completed' ? 1 : Math.max(view.progress, event.payload.generation.progress);
        handlers.onChange(view, 'changed');
        if (settled()) finish();
      } else if (event.name === 'queue.changed' && event.payload.queue.pauseReason) {
        finish(event.payload.queue.pauseReason);
      } else if (event.name === 'generation.progress') {
        const view = views.get(event.payload.id);
        if (!view || TERMINAL.has(view.generation.status)) return;
        view.stage = event.payload.stage;
        view.progress = event.payload.progress;
        handlers.onChange(view, 'progress');
      }
    });
    if (settled()) finish();
  });
