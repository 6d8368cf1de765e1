import { STATUS_CODES } from 'node:http';
import type { FakeStep } from './fakeInferenceTypes';

export interface FakeAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const json = (status: number, payload: unknown, headers: Record<string, string> = {}): FakeAnswer => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(payload),
});

/** The service's own wording where we know it, so messages shown to users look like the real thing. */
const DEFAULT_MESSAGES: Readonly<Record<number, string>> = {
  400: 'Bad request: invalid parameters',
  401: 'Invalid credentials in Authorization header',
  402: 'You have exceeded your monthly included credits for Inference Providers. Subscribe to PRO to get 20x more monthly included credits.',
  403: 'This authentication method does not have sufficient permissions to call Inference Providers on behalf of user test-user',
  404: 'Not Found',
  429: 'Rate limit reached. Please retry later.',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const messageFor = (status: number, message: string | undefined): string =>
  message ?? DEFAULT_MESSAGES[status] ?? STATUS_CODES[status] ?? `HTTP ${status}`;

/** A scripted HTTP error, shaped like the router's JSON errors (`{"error": "..."}`). */
export const scriptedError = (step: Extract<FakeStep, { status: number }>, model: string | null): FakeAnswer => {
  const headers: Record<string, string> = step.retryAfter === undefined ? {} : { 'retry-after': step.retryAfter };
  if (step.status === 503 && step.loading) {
    return json(503, { error: `Model ${model ?? 'endpoint'} is currently loading`, estimated_time: step.estimatedTime ?? 20 }, headers);
  }
  return json(step.status, { error: messageFor(step.status, step.message) }, headers);
};

export const unauthorized = (authPresent: boolean): FakeAnswer =>
  json(401, { error: authPresent ? DEFAULT_MESSAGES[401] : 'You must provide a token in the Authorization header' });

export const rateLimited = (): FakeAnswer => json(429, { error: DEFAULT_MESSAGES[429] }, { 'retry-after': '1' });

export const badRequest = (message: string): FakeAnswer => json(400, { error: message });

export const notFound = (message = 'Not Found'): FakeAnswer => json(404, { error: message });

/** GET /api/models/<id>?expand[]=inferenceProviderMapping, in the array form the client accepts as is. */
/** What the Hub says a model does: Kontext models edit images; the rest draw from text. */
export const taskOf = (model: string): 'image-to-image' | 'text-to-image' => (/kontext/i.test(model) ? 'image-to-image' : 'text-to-image');

export const hubModelInfo = (model: string, expanded: boolean): FakeAnswer =>
  json(200, {
    _id: `fake-${model}`,
    id: model,
    ...(expanded && {
      inferenceProviderMapping: [{ provider: 'hf-inference', providerId: model, status: 'live', task: taskOf(model) }],
    }),
  });

/** GET /api/whoami-v2 for a valid token: the account (trimmed to what the app reads, plus the token's own description). */
export const whoami = (): FakeAnswer =>
  json(200, {
    type: 'user',
    id: 'fake-user-id',
    name: 'test-user',
    fullname: 'Test User',
    auth: { type: 'access_token', accessToken: { displayName: 'avatar-creator', role: 'fineGrained' } },
  });
