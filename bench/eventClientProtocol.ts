// Messages between the benchmark and the WebSocket event client running in its own process.
export type ToEventClient = { type: 'report' };

/** What the change was: a batch of jobs created in one commit behaves unlike one job moving on. */
export const CHANGE_KINDS = ['created', 'running', 'requeued', 'ended'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export type FromEventClient =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  /** Receipt time minus the job's updatedAt, in ms, one per generation.changed message, by kind of change. */
  | { type: 'report'; latenciesMs: Record<ChangeKind, number[]>; messages: number; cpuUs: number };
