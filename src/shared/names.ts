/**
 * The names alone, free of zod, so the sandboxed preload can check a command name
 * without bundling the schemas. contract.ts proves these lists match the contract.
 */
export const COMMAND_NAMES = [
  'projects.list',
  'projects.create',
  'projects.get',
  'projects.update',
  'projects.delete',
  'avatars.upload',
  'avatars.get',
  'avatars.list',
  'avatars.update',
  'avatars.delete',
  'avatars.move',
  'generations.create',
  'generations.list',
  'generations.get',
  'generations.cancel',
  'generations.retry',
  'queue.status',
  'queue.pause',
  'queue.resume',
  'queue.setConcurrency',
  'generations.vary',
  'avatars.search',
  'usage.record',
  'usage.list',
  'stats.get',
  'presets.list',
  'presets.get',
  'presets.create',
  'presets.update',
  'presets.delete',
  'presets.use',
  'generations.fromReference',
  'avatars.copyImage',
  'avatars.startDrag',
  'settings.get',
  'settings.update',
  'token.status',
  'token.set',
  'token.clear',
  'token.verify',
  'credits.summary',
  'credits.history',
  'diagnostics.get',
  'sync.status',
  'sync.login',
  'sync.logout',
  'sync.now',
  'sync.pause',
  'sync.resume',
  'sync.setProject',
  'sync.issues',
  'sync.resolve',
  'library.move',
] as const;

export const EVENT_NAMES = [
  'project.changed',
  'project.deleted',
  'avatar.changed',
  'avatar.deleted',
  'generation.changed',
  'generation.progress',
  'queue.changed',
  'preset.changed',
  'preset.deleted',
  'settings.changed',
  'token.changed',
  'credits.changed',
  'sync.changed',
] as const;

export type CommandName = (typeof COMMAND_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

const commandNameSet: ReadonlySet<string> = new Set(COMMAND_NAMES);
const eventNameSet: ReadonlySet<string> = new Set(EVENT_NAMES);

export const isCommandName = (value: unknown): value is CommandName => typeof value === 'string' && commandNameSet.has(value);
export const isEventName = (value: unknown): value is EventName => typeof value === 'string' && eventNameSet.has(value);

/** The only two IPC channels the preload uses. */
export const IPC_CHANNELS = {
  invoke: 'avatar-creator:invoke',
  event: 'avatar-creator:event',
} as const;
