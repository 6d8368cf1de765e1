/**
 * What the user reads on a failed job: what happened, and what to do about it. Every text that
 * came from outside (the service's own message) passes through `cleanDetail` first.
 */

export const TOKENS_PAGE = 'https://huggingface.co/settings/tokens';
export const BILLING_PAGE = 'https://huggingface.co/settings/billing';
const PERMISSION = '“Make calls to Inference Providers”';
const MAX_DETAIL = 300;
/** Where the user puts the token: the app and the web bridge have a Settings screen; the CLI reads the environment. */
const SET_TOKEN = 'set it in Settings → Hugging Face token (or HF_TOKEN for the CLI)';

export type HfTarget = 'huggingface' | 'endpoint';

/** Who failed, at the start of a sentence and inside one. */
const serviceName = (target: HfTarget): string => (target === 'endpoint' ? 'Your Inference Endpoint' : 'Hugging Face');
const serviceObject = (target: HfTarget): string => (target === 'endpoint' ? 'your Inference Endpoint' : 'Hugging Face');

/**
 * The service's message made safe to store and show: the token cut out (defence in depth — a proxy
 * or a misconfigured endpoint could echo a header back), whitespace folded, length bounded.
 */
export const cleanDetail = (detail: string, token: string | null): string => {
  const redacted = token ? detail.split(token).join('[token]') : detail;
  const folded = redacted.replace(/\s+/g, ' ').trim();
  return folded.length > MAX_DETAIL ? `${folded.slice(0, MAX_DETAIL - 1)}…` : folded;
};

// The detail sits inside parentheses mid-sentence, so its own closing full stop goes.
const httpPart = (status: number, detail: string | null): string => {
  const trimmed = detail?.replace(/[.\s]+$/, '');
  return trimmed ? `HTTP ${status}: ${trimmed}` : `HTTP ${status}`;
};

const seconds = (ms: number): string => `${Math.max(1, Math.round(ms / 1000))} s`;

export const hfMessages = {
  tokenMissing: (): string =>
    `No Hugging Face token is set. Create a fine-grained token with the ${PERMISSION} permission at ${TOKENS_PAGE}, then ${SET_TOKEN} and resume the queue.`,
  tokenMalformed: (): string =>
    `The Hugging Face token contains spaces or characters a token cannot have. Copy it again from ${TOKENS_PAGE} and ${SET_TOKEN}.`,
  tokenUnreadable: (): string => `The Hugging Face token could not be read: ${SET_TOKEN} again.`,
  auth: (target: HfTarget, status: number, detail: string | null): string =>
    `${serviceName(target)} refused the token (${httpPart(status, detail)}). The token is invalid, expired, ` +
    `${target === 'endpoint' ? 'has no access to this endpoint, ' : ''}or lacks the ${PERMISSION} permission. ` +
    `Create a fine-grained token with that permission at ${TOKENS_PAGE}, ${SET_TOKEN}, then resume the queue.`,
  credits: (status: number, detail: string | null): string =>
    `Your Hugging Face account is out of Inference Providers credits (${httpPart(status, detail)}). ` +
    `Buy credits or upgrade to PRO at ${BILLING_PAGE}, then resume the queue.`,
  rateLimited: (target: HfTarget, status: number, detail: string | null, retryAfterMs: number | null): string =>
    `${serviceName(target)} is limiting how fast this account may send requests (${httpPart(status, detail)})` +
    `${retryAfterMs === null ? '.' : `; it asked to wait ${seconds(retryAfterMs)}.`}`,
  loading: (target: HfTarget, estimatedMs: number): string =>
    `The model is still loading on ${serviceObject(target)} (ready in about ${seconds(estimatedMs)}).`,
  serverError: (target: HfTarget, status: number, detail: string | null): string =>
    `${serviceName(target)} had a temporary problem (${httpPart(status, detail)}).`,
  rejected: (target: HfTarget, status: number, detail: string | null): string =>
    `${serviceName(target)} rejected the request (${httpPart(status, detail)}). Retrying will not help: check the model, size and settings.`,
  notFound: (target: HfTarget, detail: string | null): string =>
    target === 'endpoint'
      ? `Nothing answers at the Inference Endpoint URL (HTTP 404${detail ? `: ${detail}` : ''}). Check the Inference Endpoint URL in Settings (or AVATAR_CREATOR_HF_ENDPOINT for the CLI).`
      : `Hugging Face does not know this model (HTTP 404${detail ? `: ${detail}` : ''}). Check the model name.`,
  routing: (detail: string): string =>
    `Hugging Face cannot route this request: ${detail} Choose another inference provider (or auto) in Settings (or AVATAR_CREATOR_HF_PROVIDER for the CLI).`,
  badOutput: (target: HfTarget, what: string): string =>
    `${serviceName(target)} answered with ${what} instead of an image.`,
  network: (target: HfTarget, reason: string): string => `Could not reach ${serviceObject(target)}: ${reason}.`,
  timeout: (target: HfTarget, timeoutMs: number): string =>
    `${serviceName(target)} did not answer within ${seconds(timeoutMs)}.`,
  cancelled: (): string => 'The request was cancelled.',
  unexpected: (target: HfTarget, detail: string): string => `The request to ${serviceObject(target)} failed: ${detail}`,
  badProvider: (name: string, known: readonly string[]): string =>
    `“${name}” is not an inference provider this app knows. Choose auto or one of: ${known.join(', ')}.`,
  badEndpoint: (): string =>
    'The Inference Endpoint URL must be an https:// address (http:// only for this computer). Check it in Settings (or AVATAR_CREATOR_HF_ENDPOINT for the CLI).',
} as const;
