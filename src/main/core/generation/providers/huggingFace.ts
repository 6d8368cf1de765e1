import { PROVIDERS_OR_POLICIES, imageToImage, setLogger, textToImage } from '@huggingface/inference';
import type { InferenceProviderOrPolicy } from '@huggingface/inference';
import { ProviderError } from '../provider';
import type { ImageProvider, ProviderContext, ProviderImage, ProviderRequest } from '../provider';
import { createCallFetch } from './callFetch';
import { classifyHfError } from './classifyHfError';
import { hfMessages } from './hfMessages';
import type { HfTarget } from './hfMessages';
import { imageFromBlob } from './imageBytes';
import { TOKEN_PATTERN } from '../../../../shared/vocabulary';

export interface HuggingFaceConfig {
  /** Read on every request, so a new token takes effect without rebuilding the provider. */
  token: () => Promise<string | null>;
  /** `auto` (the user's order at huggingface.co/settings/inference-providers) or a named provider. */
  inferenceProvider: string;
  /** A dedicated Inference Endpoint; replaces provider routing (the client refuses both at once). */
  endpointUrl: string | null;
  /** Tests and the benchmark point the client's Hub and router URLs at a loopback fake through this. */
  fetch?: typeof fetch;
  /** A hung connection would otherwise hold a pool slot forever. FLUX.1-dev at 1024² takes well under this. */
  timeoutMs?: number;
}

export const DEFAULT_HF_TIMEOUT_MS = 180_000;

// A token goes into an HTTP header; undici quotes invalid header values in its error message, so a
// pasted token with a stray newline must be refused here, before it can reach any error text.
const TOKEN_SHAPE = TOKEN_PATTERN;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

let clientLoggerQuieted = false;
/**
 * The client console.logs routine chatter ("Auto selected provider: …") for every request. The
 * CLI's stdout carries JSON lines, so only warnings and errors are let through, to stderr.
 */
const quietClientLogger = (): void => {
  if (clientLoggerQuieted) return;
  clientLoggerQuieted = true;
  const ignore = (): void => undefined;
  setLogger({ debug: ignore, info: ignore, log: ignore, warn: console.warn, error: console.error });
};

const readToken = async (source: HuggingFaceConfig['token']): Promise<string> => {
  let token: string | null;
  try {
    token = await source();
  } catch {
    throw new ProviderError('auth', hfMessages.tokenUnreadable());
  }
  const trimmed = token?.trim() ?? '';
  if (trimmed === '') throw new ProviderError('auth', hfMessages.tokenMissing());
  if (!TOKEN_SHAPE.test(trimmed)) throw new ProviderError('auth', hfMessages.tokenMalformed());
  return trimmed;
};

const isProviderOrPolicy = (name: string): name is InferenceProviderOrPolicy =>
  (PROVIDERS_OR_POLICIES as readonly string[]).includes(name);

const checkedProvider = (setting: string): InferenceProviderOrPolicy => {
  const name = setting.trim() || 'auto';
  if (!isProviderOrPolicy(name)) throw new ProviderError('rejected', hfMessages.badProvider(name, PROVIDERS_OR_POLICIES));
  return name;
};

/** The token is sent to this URL, so plain http is allowed only to this computer. */
const checkedEndpoint = (raw: string): string => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ProviderError('rejected', hfMessages.badEndpoint());
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (!secure) throw new ProviderError('rejected', hfMessages.badEndpoint());
  return url.href;
};

/**
 * Image-to-image: the reference goes as `inputs`, the instruction as `parameters.prompt`. Kontext
 * has no use for a negative prompt, and the result keeps the reference's size.
 */
const sendImageToImage = (request: ProviderRequest, reference: ProviderImage, base: { accessToken: string }, options: Parameters<typeof imageToImage>[1]) =>
  imageToImage(
    {
      ...base,
      inputs: new Blob([reference.bytes], { type: reference.mimeType }),
      parameters: { prompt: request.prompt, guidance_scale: request.guidance, num_inference_steps: request.steps, seed: request.seed },
    },
    options,
  );

const parametersOf = (request: ProviderRequest) => ({
  width: request.width,
  height: request.height,
  num_inference_steps: request.steps,
  guidance_scale: request.guidance,
  seed: request.seed,
  ...(request.negativePrompt !== null && request.negativePrompt.trim() !== '' && { negative_prompt: request.negativePrompt }),
});

export const createHuggingFaceProvider = (config: HuggingFaceConfig): ImageProvider => {
  quietClientLogger();
  const timeoutMs = config.timeoutMs ?? DEFAULT_HF_TIMEOUT_MS;
  const endpointSetting = config.endpointUrl?.trim() || null;
  const target: HfTarget = endpointSetting === null ? 'huggingface' : 'endpoint';

  const generate = async (request: ProviderRequest, context: ProviderContext): Promise<ProviderImage> => {
    if (context.signal.aborted) throw new ProviderError('cancelled', hfMessages.cancelled());
    // The client throws when given an endpoint together with a provider or model: one or the other.
    const route =
      endpointSetting === null
        ? { provider: checkedProvider(config.inferenceProvider), model: request.model }
        : { endpointUrl: checkedEndpoint(endpointSetting) };
    const accessToken = await readToken(config.token);

    // One controller per call: the job's cancel and our time limit both end the request, and the
    // classifier can still tell which of the two it was.
    const controller = new AbortController();
    const cancel = (): void => controller.abort(context.signal.reason);
    context.signal.addEventListener('abort', cancel, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException('The request timed out', 'TimeoutError'));
    }, timeoutMs);
    const call = createCallFetch({ base: config.fetch ?? fetch, signal: controller.signal, onInferenceSent: () => context.onStage('generating') });

    try {
      context.onStage('submitting');
      // retry_on_error: left on, the client re-sends a 503 at once, forever; the pool owns retries.
      const options = { retry_on_error: false, signal: controller.signal, fetch: call.fetch };
      const blob: unknown = request.reference
        ? await sendImageToImage(request, request.reference, { accessToken, ...route }, options)
        : await textToImage({ accessToken, ...route, inputs: request.prompt, parameters: parametersOf(request) }, options);
      if (!(blob instanceof Blob)) throw new ProviderError('bad_output', hfMessages.badOutput(target, 'something that is not a file'));
      const image = await imageFromBlob(blob);
      if ('problem' in image) throw new ProviderError('bad_output', hfMessages.badOutput(target, image.problem));
      return image;
    } catch (error) {
      throw classifyHfError(error, {
        target,
        callerSignal: context.signal,
        timedOut,
        timeoutMs,
        retryAfterHeader: call.retryAfter(),
        now: Date.now(),
        token: accessToken,
      });
    } finally {
      clearTimeout(timer);
      context.signal.removeEventListener('abort', cancel);
    }
  };

  return { kind: 'huggingface', generate };
};
