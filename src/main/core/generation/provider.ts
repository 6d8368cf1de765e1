import type { Recipe, ResolvedParams } from '../../../shared/domain';

/** One image request, fully resolved: what the provider is asked, and what the job stores. */
export interface ProviderRequest extends Omit<ResolvedParams, 'provider'> {
  prompt: string;
  negativePrompt: string | null;
  /** The job's recipe, for providers that draw from attributes rather than read a prompt (offline). */
  recipe?: Recipe;
  /** Image-to-image: the image the prompt (an instruction) edits. */
  reference?: ProviderImage;
}

export interface ProviderContext {
  /** Aborts the request when the job is cancelled or the app shuts down. */
  signal: AbortSignal;
  /** Providers report when the request is sent ('submitting') and when the service is working on it ('generating'). */
  onStage(stage: 'submitting' | 'generating'): void;
}

export interface ProviderImage {
  bytes: Uint8Array;
  mimeType: string;
}

/** Anything that turns a request into image bytes: Hugging Face inference, the offline drawer, test doubles. */
export interface ImageProvider {
  readonly kind: string;
  generate(request: ProviderRequest, context: ProviderContext): Promise<ProviderImage>;
}

/**
 * How a failure should be treated. Only `transient` and `rate_limited` are retried; `auth` and
 * `credits` pause the whole queue; the rest fail the job at once.
 */
export const PROVIDER_FAILURES = ['transient', 'rate_limited', 'auth', 'credits', 'rejected', 'bad_output', 'cancelled'] as const;
export type ProviderFailure = (typeof PROVIDER_FAILURES)[number];

export class ProviderError extends Error {
  readonly failure: ProviderFailure;
  readonly status: number | null;
  /** From Retry-After (seconds or HTTP date) or a loading model's estimated_time. */
  readonly retryAfterMs: number | null;

  constructor(failure: ProviderFailure, message: string, options: { status?: number | null; retryAfterMs?: number | null; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'ProviderError';
    this.failure = failure;
    this.status = options.status ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}
