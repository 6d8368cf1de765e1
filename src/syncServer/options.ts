/** Options of the reference Lumiku server (a test double of the cloud API in LUMIKU_API.md). */

export interface SeedUser {
  email: string;
  password: string;
  name?: string;
  /** Starting balance (the cloud's credit ledger gets one 'bonus' row for it). Default 100. */
  creditBalance?: number;
  /** Fixed id, so tests can name users before the server starts. Default: generated. */
  id?: string;
}

export interface RateLimitOptions {
  /** The cloud's upload limiter: 10 per minute per user. */
  uploadPerMinute?: number;
  /** The cloud's project-creation limiter: 20 per hour per user. */
  projectsPerHour?: number;
  /** Multiplies both windows (0.01 turns a minute into 600 ms), so tests need not wait for real ones. */
  windowScale?: number;
}

export interface SyncServerOptions {
  /** Loopback unless told otherwise: this server has demo passwords in it. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  users?: SeedUser[];
  /** The documented extension (docs/sync-api.md): usage route, Idempotency-Key, capabilities. Off by default, like the cloud. */
  extension?: boolean;
  /** false turns rate limiting off; an object scales it. Default: the cloud's limits. */
  rateLimits?: false | RateLimitOptions;
  /** Lifetime of login tokens. Default 7 days, as the cloud. */
  tokenTtlSeconds?: number;
  /** HS256 secret. Default: random per start (tokens die with the server unless a secret is given). */
  jwtSecret?: string;
  /** SQLite file. Default ':memory:'. */
  dataFile?: string;
  /** How long the extension keeps an Idempotency-Key's answer. Default 24 hours. */
  idempotencyTtlSeconds?: number;
  /** Milliseconds since the epoch. Default Date.now; tests may move time by hand. */
  clock?: () => number;
  /** Exposes the fault handle over HTTP under /__control (test runs in another process only). */
  controlRoutes?: boolean;
}

export interface ResolvedRateLimits {
  uploadPerMinute: number;
  projectsPerHour: number;
  uploadWindowMs: number;
  projectWindowMs: number;
}

export interface ResolvedOptions {
  host: string;
  port: number;
  users: SeedUser[];
  extension: boolean;
  rateLimits: ResolvedRateLimits | null;
  tokenTtlSeconds: number;
  jwtSecret: string;
  dataFile: string;
  idempotencyTtlMs: number;
  clock: () => number;
  controlRoutes: boolean;
}

export const CLOUD_LIMITS = { uploadPerMinute: 10, projectsPerHour: 20 } as const;
export const DEFAULT_TOKEN_TTL_SECONDS = 7 * 24 * 60 * 60;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

const resolveRateLimits = (input: SyncServerOptions['rateLimits']): ResolvedRateLimits | null => {
  if (input === false) return null;
  const scale = input?.windowScale ?? 1;
  if (!(scale > 0)) throw new Error('rateLimits.windowScale must be a positive number');
  return {
    uploadPerMinute: input?.uploadPerMinute ?? CLOUD_LIMITS.uploadPerMinute,
    projectsPerHour: input?.projectsPerHour ?? CLOUD_LIMITS.projectsPerHour,
    uploadWindowMs: Math.max(1, Math.round(MINUTE_MS * scale)),
    projectWindowMs: Math.max(1, Math.round(HOUR_MS * scale)),
  };
};

export const resolveOptions = (options: SyncServerOptions, randomSecret: () => string): ResolvedOptions => ({
  host: options.host ?? '127.0.0.1',
  port: options.port ?? 0,
  users: options.users ?? [],
  extension: options.extension ?? false,
  rateLimits: resolveRateLimits(options.rateLimits),
  tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
  jwtSecret: options.jwtSecret ?? randomSecret(),
  dataFile: options.dataFile ?? ':memory:',
  idempotencyTtlMs: (options.idempotencyTtlSeconds ?? 24 * 60 * 60) * 1000,
  clock: options.clock ?? Date.now,
  controlRoutes: options.controlRoutes ?? false,
});
