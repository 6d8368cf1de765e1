import sharp from 'sharp';
import { ProviderError, type ImageProvider, type ProviderRequest } from '../../src/main/core/generation/provider';

export interface ProviderCall {
  request: ProviderRequest;
  startedAt: number;
  endedAt: number | null;
  outcome: 'ok' | 'error' | 'aborted' | null;
}

export interface TestProvider extends ImageProvider {
  calls: ProviderCall[];
  /** Calls in flight right now, and the most ever seen at once. */
  inFlight: number;
  maxInFlight: number;
  /** The next calls fail with these, in order; then calls succeed. */
  failNext(...errors: ProviderError[]): void;
}

/** A seed-dependent PNG, so different jobs give different avatars. */
const pngFor = (seed: number): Promise<Buffer> =>
  sharp({ create: { width: 64, height: 64, channels: 3, background: { r: seed % 256, g: (seed >>> 8) % 256, b: 128 } } }).png().toBuffer();

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new ProviderError('cancelled', 'aborted'));
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new ProviderError('cancelled', 'aborted'));
    });
  });

/** An in-process provider for pool tests: real PNG bytes, real aborts, scripted failures. */
export const createTestProvider = (latencyMs = 30): TestProvider => {
  const queue: ProviderError[] = [];
  const provider: TestProvider = {
    kind: 'huggingface',
    calls: [],
    inFlight: 0,
    maxInFlight: 0,
    failNext: (...errors) => queue.push(...errors),
    async generate(request, { signal, onStage }) {
      const call: ProviderCall = { request, startedAt: Date.now(), endedAt: null, outcome: null };
      provider.calls.push(call);
      provider.inFlight += 1;
      provider.maxInFlight = Math.max(provider.maxInFlight, provider.inFlight);
      const scripted = queue.shift();
      try {
        onStage('submitting');
        onStage('generating');
        await sleep(latencyMs, signal);
        if (scripted) throw scripted;
        const bytes = await pngFor(request.seed);
        call.outcome = 'ok';
        return { bytes, mimeType: 'image/png' };
      } catch (error) {
        call.outcome = signal.aborted ? 'aborted' : 'error';
        throw error;
      } finally {
        call.endedAt = Date.now();
        provider.inFlight -= 1;
      }
    },
  };
  return provider;
};
