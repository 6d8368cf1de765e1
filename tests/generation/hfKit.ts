import { inspect } from 'node:util';
import { afterEach, beforeEach, expect } from 'vitest';
import { ProviderError } from '../../src/main/core/generation/provider';
import type { ImageProvider, ProviderContext, ProviderImage, ProviderRequest } from '../../src/main/core/generation/provider';
import { createHuggingFaceProvider } from '../../src/main/core/generation/providers/huggingFace';
import type { HuggingFaceConfig } from '../../src/main/core/generation/providers/huggingFace';
import { HF_MODELS } from '../../src/shared/vocabulary';
import { startFakeInference } from '../fakes/fakeInference';
import type { FakeInference, FakeInferenceOptions, RecordedRequest } from '../fakes/fakeInference';
import { until as waitUntil } from '../helpers/until';

// Distinctive, so a leak anywhere is found by a plain substring search.
export const TOKEN = 'hf_SeCrEtTestToken4242abcd';
export const WRONG_TOKEN = 'hf_WrongTokenZZ9911xyz';

export const request = (overrides: Partial<ProviderRequest> = {}): ProviderRequest => ({
  prompt: 'studio portrait of a friendly astronaut',
  negativePrompt: null,
  model: HF_MODELS.fluxDev,
  width: 256,
  height: 192,
  steps: 4,
  guidance: 3.5,
  seed: 42,
  ...overrides,
});

export const context = (signal: AbortSignal = new AbortController().signal): ProviderContext & { stages: string[] } => {
  const stages: string[] = [];
  return { signal, stages, onStage: (stage) => void stages.push(stage) };
};

export const until = (condition: () => boolean, timeoutMs = 5000): Promise<void> => waitUntil(condition, { timeoutMs, intervalMs: 5 });

export interface HfKit {
  /** A fresh fake server per test, accepting TOKEN. */
  readonly fake: FakeInference;
  restart(options?: FakeInferenceOptions): Promise<FakeInference>;
  viaEndpoint(config?: Partial<HuggingFaceConfig>): ImageProvider;
  viaRouter(config?: Partial<HuggingFaceConfig>): ImageProvider;
  /** The ProviderError the work fails with; remembered for the token check. */
  failure(work: Promise<ProviderImage>): Promise<ProviderError>;
  inference(): RecordedRequest[];
  /** Every error seen so far, in every form a log or a transport could show it, never holds a token. */
  expectNoTokenLeaked(minimumErrors: number): void;
}

export const useHfKit = (): HfKit => {
  let fake: FakeInference | null = null;
  const thrown: ProviderError[] = [];
  const current = (): FakeInference => {
    if (!fake) throw new Error('no fake server running');
    return fake;
  };
  beforeEach(async () => {
    fake = await startFakeInference({ token: TOKEN });
  });
  afterEach(async () => {
    await fake?.close();
    fake = null;
  });

  return {
    get fake() {
      return current();
    },
    async restart(options = {}) {
      await fake?.close();
      fake = await startFakeInference({ token: TOKEN, ...options });
      return fake;
    },
    viaEndpoint: (config = {}) =>
      createHuggingFaceProvider({ token: async () => TOKEN, inferenceProvider: 'auto', endpointUrl: current().url, ...config }),
    viaRouter: (config = {}) =>
      createHuggingFaceProvider({ token: async () => TOKEN, inferenceProvider: 'auto', endpointUrl: null, fetch: current().fetchRedirect, ...config }),
    async failure(work) {
      const error: unknown = await work.then(
        () => null,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(ProviderError);
      thrown.push(error as ProviderError);
      return error as ProviderError;
    },
    inference: () => current().requests.filter((entry) => entry.route === 'endpoint' || entry.route === 'router'),
    expectNoTokenLeaked(minimumErrors) {
      expect(thrown.length).toBeGreaterThanOrEqual(minimumErrors);
      for (const error of thrown) {
        // inspect prints the cause chain too: the client's errors carry the request they made.
        const forms = [error.message, error.stack ?? '', JSON.stringify(error), inspect(error, { depth: Infinity })];
        for (const form of forms) {
          expect(form).not.toContain(TOKEN);
          expect(form).not.toContain(WRONG_TOKEN);
          expect(form).not.toContain('SeCrEtTestToken');
        }
      }
    },
  };
};
