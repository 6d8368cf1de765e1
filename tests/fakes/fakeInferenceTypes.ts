type StepKey = 'status' | 'drop' | 'hang' | 'body';
/** One kind of step: the other kinds' keys are absent, so `if (step.hang)` narrows to it. */
type Only<T> = T & { latencyMs?: number } & { [K in Exclude<StepKey, keyof T>]?: undefined };

/** What one inference request gets from the fake server. Every step may wait `latencyMs` first. */
export type FakeStep =
  /** Success: a seeded PNG (the default). */
  | Only<object>
  /**
   * An HTTP error with the service's JSON body. 429 may carry Retry-After (seconds or an HTTP date);
   * 503 with `loading` says "Model … is currently loading" with `estimated_time`.
   */
  | Only<{ status: number; message?: string; retryAfter?: string; loading?: boolean; estimatedTime?: number }>
  /** Destroy the socket without answering. */
  | Only<{ drop: true }>
  /** Never answer (the client has to give up or abort). */
  | Only<{ hang: true }>
  /** 200 with this body: e.g. an HTML error page where an image should be. */
  | Only<{ body: string; contentType: string }>;

export interface FakeInferenceOptions {
  /** The token that passes the Authorization check. Default 'hf_test_token'. */
  token?: string;
  /** Encode images at this size instead of the requested one (speed in benchmarks). */
  imageSize?: { width: number; height: number };
  /** More inference requests than this in flight at once get 429 with Retry-After: 1. */
  rateLimitAbove?: number;
  /** Models the Hub knows; others get 404 from the model lookup. Default: every model. */
  hubModels?: readonly string[];
  /** For requests nobody scripted. Default: success. */
  defaultStep?: FakeStep;
}

export const FAKE_ROUTES = ['endpoint', 'router', 'hub', 'unknown'] as const;
export type FakeRoute = (typeof FAKE_ROUTES)[number];

export type FakeOutcome = number | 'dropped' | 'hung' | 'aborted';

export interface InferenceBody {
  inputs?: unknown;
  parameters?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface RecordedRequest {
  route: FakeRoute;
  method: string;
  /** Path with query, as received. */
  path: string;
  /** `owner/model` for router and Hub model requests; null for the endpoint and the token check (whoami). */
  model: string | null;
  authPresent: boolean;
  authValid: boolean;
  /** Parsed JSON body (inference only); null when absent or not JSON. */
  body: InferenceBody | null;
  /** Which task a successful inference request was answered as; null for others. */
  task: 'text-to-image' | 'image-to-image' | null;
  /** Date.now() on arrival. */
  receivedAt: number;
  /** What the server answered; 'aborted' when the client closed the request before the answer. */
  outcome: FakeOutcome | null;
  /** The connection closed before the server finished answering: the client aborted (or close() ended a hung request). */
  closedByClient: boolean;
}

export interface FakeInference {
  /** The dedicated-endpoint URL: give it to the provider as `endpointUrl`. */
  url: string;
  origin: string;
  port: number;
  requests: RecordedRequest[];
  /** Steps for the next inference requests, in order (appended to any not yet used). */
  script(...steps: FakeStep[]): void;
  setDefault(step: FakeStep): void;
  /** Inference requests being answered right now, and the most there ever were at once. */
  inFlight(): number;
  maxInFlight(): number;
  /** A fetch that sends the client's huggingface.co and router.huggingface.co requests here. */
  fetchRedirect: typeof fetch;
  close(): Promise<void>;
}
