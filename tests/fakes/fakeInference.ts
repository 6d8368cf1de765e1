import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { editedPng, seededPng } from './fakePng';
import { makeFetchRedirect } from './fetchRedirect';
import type { FakeInference, FakeInferenceOptions, FakeRoute, FakeStep, InferenceBody, RecordedRequest } from './fakeInferenceTypes';
import { badRequest, hubModelInfo, notFound, rateLimited, scriptedError, unauthorized, whoami } from './fakeResponses';
import type { FakeAnswer } from './fakeResponses';

export type { FakeInference, FakeInferenceOptions, FakeStep, RecordedRequest } from './fakeInferenceTypes';

const ENDPOINT_PATH = '/endpoint';
// The paths @huggingface/inference builds: `${HF_HUB_URL}/api/models/${model}?expand[]=…` and, for
// hf-inference, `${HF_ROUTER_URL}/hf-inference/models/${model}`.
const ROUTER_PATH = /^\/hf-inference\/models\/([^/]+\/[^/]+)$/;
const HUB_PATH = /^\/api\/models\/([^/]+\/[^/]+)$/;
/** What the app's token check asks (Settings → Verify). */
const WHOAMI_PATH = '/api/whoami-v2';
const MAX_SIDE = 4096;

const routeOf = (method: string, pathname: string): { route: FakeRoute; model: string | null } => {
  if (method === 'POST' && pathname === ENDPOINT_PATH) return { route: 'endpoint', model: null };
  const router = method === 'POST' ? ROUTER_PATH.exec(pathname) : null;
  if (router) return { route: 'router', model: decodeURIComponent(router[1] ?? '') };
  if (method === 'GET' && pathname === WHOAMI_PATH) return { route: 'hub', model: null };
  const hub = method === 'GET' ? HUB_PATH.exec(pathname) : null;
  if (hub) return { route: 'hub', model: decodeURIComponent(hub[1] ?? '') };
  return { route: 'unknown', model: null };
};

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const parseBody = (text: string): InferenceBody | null => {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as InferenceBody) : null;
  } catch {
    return null;
  }
};

const side = (value: unknown): number | null =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_SIDE ? value : null;

/** Starts the fake Hugging Face Hub + router + dedicated endpoint on 127.0.0.1 (a free port). */
export const startFakeInference = async (options: FakeInferenceOptions = {}): Promise<FakeInference> => {
  const token = options.token ?? 'hf_test_token';
  const requests: RecordedRequest[] = [];
  const queue: FakeStep[] = [];
  let defaultStep: FakeStep = options.defaultStep ?? {};
  let inFlight = 0;
  let maxInFlight = 0;

  const send = (res: ServerResponse, record: RecordedRequest, answer: FakeAnswer | { status: number; headers: Record<string, string>; body: Buffer }): void => {
    if (res.destroyed) return;
    record.outcome = answer.status;
    res.writeHead(answer.status, { ...answer.headers, 'content-length': String(Buffer.byteLength(answer.body)) });
    res.end(answer.body);
  };

  const answerInference = async (req: IncomingMessage, res: ServerResponse, record: RecordedRequest, gone: AbortSignal): Promise<void> => {
    record.body = parseBody(await readBody(req));
    // inFlight counts from arrival, so a burst is judged the way a real rate limiter sees it. A
    // throttled request uses no scripted step: scripts describe the requests the service works on.
    if (options.rateLimitAbove !== undefined && inFlight > options.rateLimitAbove) return send(res, record, rateLimited());
    const step = queue.shift() ?? defaultStep;
    if (step.latencyMs) await sleep(step.latencyMs, undefined, { signal: gone }).catch(() => undefined);
    if (gone.aborted) return;
    if (step.hang) {
      record.outcome = 'hung';
      return;
    }
    if (step.drop) {
      record.outcome = 'dropped';
      req.socket.destroy();
      return;
    }
    if (step.status !== undefined) return send(res, record, scriptedError(step, record.model));
    if (step.body !== undefined) return send(res, record, { status: 200, headers: { 'content-type': step.contentType }, body: step.body });
    // The real router checks the token before it looks at the request.
    if (!record.authValid) return send(res, record, unauthorized(record.authPresent));
    const { body } = record;
    if (!body || typeof body.inputs !== 'string' || body.inputs === '') return send(res, record, badRequest('`inputs` must be a non-empty string'));
    const parameters = body.parameters ?? {};
    const seed = typeof parameters.seed === 'number' ? parameters.seed : 0;
    // hf-inference image-to-image: the image base64 in `inputs`, the instruction in `parameters.prompt`.
    if (typeof parameters.prompt === 'string') {
      record.task = 'image-to-image';
      const edited = await editedPng(Buffer.from(body.inputs, 'base64'), seed).catch(() => null);
      if (gone.aborted) return;
      if (!edited) return send(res, record, badRequest('`inputs` must be a base64-encoded image'));
      return send(res, record, { status: 200, headers: { 'content-type': 'image/png' }, body: edited });
    }
    record.task = 'text-to-image';
    const width = options.imageSize?.width ?? side(parameters.width) ?? 1024;
    const height = options.imageSize?.height ?? side(parameters.height) ?? 1024;
    const png = await seededPng(seed, width, height);
    if (gone.aborted) return;
    send(res, record, { status: 200, headers: { 'content-type': 'image/png' }, body: png });
  };

  const answerHub = (res: ServerResponse, record: RecordedRequest, url: URL): void => {
    // Like the Hub: the account behind a valid token, 401 for any other (or none).
    if (url.pathname === WHOAMI_PATH) return send(res, record, record.authValid ? whoami() : unauthorized(record.authPresent));
    const model = record.model ?? '';
    if (options.hubModels && !options.hubModels.includes(model)) return send(res, record, notFound('Repository not found'));
    // The Hub rejects a bad token even on public models; the client sends none for `auto`.
    if (record.authPresent && !record.authValid) return send(res, record, unauthorized(true));
    send(res, record, hubModelInfo(model, url.searchParams.getAll('expand[]').includes('inferenceProviderMapping')));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const { route, model } = routeOf(req.method ?? 'GET', url.pathname);
    const authorization = req.headers.authorization;
    const record: RecordedRequest = {
      route,
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      model,
      authPresent: authorization !== undefined,
      authValid: authorization === `Bearer ${token}`,
      body: null,
      task: null,
      receivedAt: Date.now(),
      outcome: null,
      closedByClient: false,
    };
    requests.push(record);
    const goneController = new AbortController();
    const isInference = route === 'endpoint' || route === 'router';
    if (isInference) {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
    }
    res.on('close', () => {
      if (isInference) inFlight -= 1;
      if (!res.writableFinished) {
        record.closedByClient = record.outcome !== 'dropped';
        record.outcome ??= 'aborted';
        goneController.abort();
      }
    });
    if (route === 'hub') return answerHub(res, record, url);
    if (!isInference) return send(res, record, notFound());
    await answerInference(req, res, record, goneController.signal);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: `fake server failure: ${String(error)}` }));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: origin + ENDPOINT_PATH,
    origin,
    port,
    requests,
    script: (...steps) => void queue.push(...steps),
    setDefault: (step) => {
      defaultStep = step;
    },
    inFlight: () => inFlight,
    maxInFlight: () => maxInFlight,
    fetchRedirect: makeFetchRedirect(origin),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Hung and keep-alive connections would otherwise hold close() open forever.
        server.closeAllConnections();
      }),
  };
};
