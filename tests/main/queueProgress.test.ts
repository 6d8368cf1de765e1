import { describe, expect, it } from 'vitest';
import { QueueProgress } from '../../src/main/queueProgress';
import type { AppEvent } from '../../src/shared/contract';
import type { Generation, QueueStatus } from '../../src/shared/domain';

const changed = (id: string, status: Generation['status'], progress = 0): AppEvent =>
  ({ name: 'generation.changed', payload: { generation: { id, status, progress } as Generation } }) as AppEvent;
const progressed = (id: string, progress: number): AppEvent => ({ name: 'generation.progress', payload: { id, projectId: 'p', stage: 'generating', progress } });
const queue = (paused: boolean): AppEvent => ({ name: 'queue.changed', payload: { queue: { paused } as QueueStatus } });

describe('taskbar queue progress', () => {
  it('averages the jobs of the current run and clears when the run is over', () => {
    const bar = new QueueProgress();
    expect(bar.fraction).toBeNull();
    expect(bar.apply(changed('a', 'pending'))).toBe(true);
    bar.apply(changed('b', 'pending'));
    expect(bar.fraction).toBe(0);
    bar.apply(progressed('a', 0.5));
    expect(bar.fraction).toBeCloseTo(0.25);
    bar.apply(changed('a', 'completed'));
    expect(bar.fraction).toBeCloseTo(0.5);
    bar.apply(changed('b', 'failed'));
    expect(bar.fraction).toBeNull();
  });

  it('ignores finished jobs it never saw running and unrelated events', () => {
    const bar = new QueueProgress();
    expect(bar.apply(changed('old', 'completed'))).toBe(false);
    expect(bar.apply(progressed('unknown', 0.3))).toBe(false);
    expect(bar.apply({ name: 'project.deleted', payload: { id: 'x' } })).toBe(false);
    expect(bar.fraction).toBeNull();
  });

  it('tracks a paused queue', () => {
    const bar = new QueueProgress();
    bar.apply(changed('a', 'pending'));
    expect(bar.apply(queue(true))).toBe(true);
    expect(bar.paused).toBe(true);
  });
});
