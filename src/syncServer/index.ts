/** The reference Lumiku server (issue #6): the cloud API as it is, plus the extension of docs/sync-api.md behind a switch. */
export { startSyncServer, type SyncServerHandle } from './startSyncServer';
export type { SyncServerOptions, SeedUser, RateLimitOptions, ResolvedRateLimits } from './options';
export { CLOUD_LIMITS, DEFAULT_TOKEN_TTL_SECONDS } from './options';
export type { SyncServerFaults } from './testing/faults';
export type { FailOptions, FaultMatch } from './testing/faultRules';
export type { RequestLog, LoggedRequest, RequestOutcome } from './testing/requestLog';
export type { SyncServerInspection } from './testing/inspect';
export type { AvatarJson } from './store/avatars';
export type { ProjectJson } from './store/projects';
export type { UsageJson, UsageSummaryJson } from './store/usage';
export { COSTS, APP_PREFIX } from './routes/common';
export { IMAGE_RULES } from './images/validateImage';
export { capabilitiesBody, USAGE_EXTENSION } from './extension/usageRoute';
export { CONTROL_PREFIX } from './testing/controlRoutes';
