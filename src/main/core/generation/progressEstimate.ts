import type { GenerationStage } from '../../../shared/vocabulary';

/** Where each stage starts on the 0–1 bar; the provider reports no progress of its own. */
const STAGE_START: Record<GenerationStage, number> = { queued: 0, submitting: 0.02, generating: 0.08, saving: 0.92, done: 1 };
const GENERATING_SPAN = STAGE_START.saving - STAGE_START.generating;

/**
 * While generating, the bar follows the usual duration of recent generations, easing towards
 * (never reaching) the saving stage so a slow request still looks alive but never looks done.
 */
export const estimateProgress = (stage: GenerationStage, elapsedMs: number, typicalMs: number): number => {
  if (stage !== 'generating') return STAGE_START[stage];
  const fraction = 1 - Math.exp(-elapsedMs / Math.max(typicalMs, 1));
  return Math.min(STAGE_START.saving - 0.01, STAGE_START.generating + GENERATING_SPAN * fraction);
};

/** An exponential moving average of how long generating takes, seeded with a FLUX.1-dev typical. */
export class DurationAverage {
  private value: number;

  constructor(initialMs = 12_000, private readonly weight = 0.2) {
    this.value = initialMs;
  }

  get ms(): number {
    return this.value;
  }

  add(ms: number): void {
    this.value = this.value * (1 - this.weight) + ms * this.weight;
  }
}
