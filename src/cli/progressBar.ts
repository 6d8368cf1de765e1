import type { JobView } from './followGenerations';

const WIDTH = 28;

/** One redrawn line on a terminal: overall progress, counts, and the newest message. */
export class ProgressBar {
  private readonly views = new Map<string, JobView>();
  private lastDraw = 0;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(view: JobView): void {
    this.views.set(view.generation.id, view);
    const now = Date.now();
    const status = view.generation.status;
    if (status === 'completed' || status === 'failed' || status === 'cancelled' || now - this.lastDraw > 100) this.draw(now);
  }

  done(): void {
    this.draw(Date.now());
    this.stream.write('\n');
  }

  private draw(now: number): void {
    this.lastDraw = now;
    const views = [...this.views.values()];
    const count = (status: string) => views.filter((view) => view.generation.status === status).length;
    const progress = views.reduce((sum, view) => sum + (view.generation.status === 'pending' ? 0 : view.progress), 0) / this.total;
    const filled = Math.round(progress * WIDTH);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
    const failed = count('failed');
    const line = `${bar} ${Math.round(progress * 100)}%  ${count('completed')}/${this.total} done, ${count('processing')} running${failed ? `, ${failed} failed` : ''}`;
    this.stream.write(`\r\x1b[2K${line}`);
  }
}
