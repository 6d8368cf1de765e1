import { z } from 'zod';
import {
  GENERATION_LIMITS,
  GENERATION_PRIORITIES,
  GENERATION_STATUSES,
  LIMITS,
  attributesSchema,
  avatarIdSchema,
  generationIdSchema,
  generationParamsSchema,
  personaSchema,
  presetIdSchema,
  presetInputSchema,
  projectIdSchema,
  recipeSchema,
  avatarSearchSchema,
  usageRecordSchema,
  type Avatar,
  type AvatarPage,
  type Generation,
  type LibraryStats,
  type Preset,
  type UsageRecord,
  type GenerationStage,
  type ProjectDetail,
  type ProjectSummary,
  type QueueStatus,
} from './domain';
import { creditHistorySchema, type CreditSummary, type LedgerEntry } from './credits';
import type { Diagnostics, LibraryMove } from './diagnostics';
import { syncLoginSchema, syncProjectSchema, syncResolveSchema, type SyncIssue, type SyncStatus } from './sync';
import type { CommandName, EventName } from './names';
import { settingsPatchSchema, tokenInputSchema, type Settings, type TokenStatus } from './settings';

const projectName = z.string().trim().min(1, 'must not be empty').max(LIMITS.projectName, `must be at most ${LIMITS.projectName} characters`);
const projectDescription = z
  .string()
  .trim()
  .max(LIMITS.projectDescription, `must be at most ${LIMITS.projectDescription} characters`)
  .transform((value) => (value === '' ? null : value))
  .nullable();
const avatarName = z.string().trim().min(1, 'must not be empty').max(LIMITS.avatarName, `must be at most ${LIMITS.avatarName} characters`);

/** The bytes of an uploaded file. Size and format are judged by the image store, which gives precise error codes. */
const fileBytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'must be the file bytes' });

/**
 * Every command's input, validated at runtime by the one router all shells share.
 * Objects are strict: an unknown key is a mistake in the caller, not something to ignore.
 */
export const commandInputs = {
  'projects.list': z.object({}).strict(),
  'projects.create': z.object({ name: projectName, description: projectDescription.optional() }).strict(),
  'projects.get': z.object({ id: projectIdSchema }).strict(),
  'projects.update': z
    .object({ id: projectIdSchema, name: projectName.optional(), description: projectDescription.optional() })
    .strict(),
  'projects.delete': z.object({ id: projectIdSchema }).strict(),
  'avatars.upload': z
    .object({
      projectId: projectIdSchema,
      fileName: z.string().max(LIMITS.fileName),
      bytes: fileBytes,
      name: avatarName.optional(),
      persona: personaSchema.partial().optional(),
      attributes: attributesSchema.partial().optional(),
    })
    .strict(),
  'avatars.get': z.object({ id: avatarIdSchema }).strict(),
  'avatars.list': z.object({ projectId: projectIdSchema.optional() }).strict(),
  'avatars.update': z
    .object({
      id: avatarIdSchema,
      name: avatarName.optional(),
      persona: personaSchema.partial().optional(),
      attributes: attributesSchema.partial().optional(),
    })
    .strict(),
  'avatars.delete': z.object({ id: avatarIdSchema }).strict(),
  'avatars.move': z.object({ id: avatarIdSchema, projectId: projectIdSchema }).strict(),
  'generations.create': z
    .object({
      projectId: projectIdSchema,
      recipe: recipeSchema,
      params: generationParamsSchema.optional(),
      /** How many images; each gets its own seed (the given one, then the next ones). */
      count: z.number().int().min(1).max(GENERATION_LIMITS.count).optional(),
      /** Name of the finished avatars (numbered when count > 1); defaults from the persona. */
      name: avatarName.optional(),
      /** A single interactive request runs ahead of a batch. */
      priority: z.enum(GENERATION_PRIORITIES).optional(),
    })
    .strict(),
  'generations.list': z
    .object({
      projectId: projectIdSchema.optional(),
      statuses: z.array(z.enum(GENERATION_STATUSES)).max(GENERATION_STATUSES.length).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    })
    .strict(),
  'generations.get': z.object({ id: generationIdSchema }).strict(),
  'generations.cancel': z.object({ id: generationIdSchema }).strict(),
  'generations.retry': z.object({ id: generationIdSchema }).strict(),
  'queue.status': z.object({}).strict(),
  'queue.pause': z.object({}).strict(),
  'queue.resume': z.object({}).strict(),
  'queue.setConcurrency': z
    .object({ concurrency: z.number().int().min(GENERATION_LIMITS.concurrencyMin).max(GENERATION_LIMITS.concurrencyMax) })
    .strict(),
  /** "More like this": the avatar's recipe again with new seeds; the new avatars remember their parent. */
  'generations.vary': z
    .object({ avatarId: avatarIdSchema, count: z.number().int().min(1).max(GENERATION_LIMITS.count).optional() })
    .strict(),
  'avatars.search': avatarSearchSchema,
  'usage.record': usageRecordSchema,
  'usage.list': z.object({ avatarId: avatarIdSchema, limit: z.number().int().min(1).max(500).optional() }).strict(),
  'stats.get': z.object({}).strict(),
  'presets.list': z
    .object({ category: presetInputSchema.shape.category.optional(), query: z.string().trim().max(100).optional() })
    .strict(),
  'presets.get': z.object({ id: presetIdSchema }).strict(),
  /** From scratch, or `fromAvatarId` to save an avatar's recipe (its persona, attributes and prompt) as a preset. */
  'presets.create': presetInputSchema.extend({ fromAvatarId: avatarIdSchema.optional() }).strict(),
  'presets.update': presetInputSchema.partial().extend({ id: presetIdSchema }).strict(),
  'presets.delete': z.object({ id: presetIdSchema }).strict(),
  /** An avatar from a preset: its recipe with optional overrides, generated by the chosen (or default) provider. */
  'presets.use': z
    .object({
      presetId: presetIdSchema,
      projectId: projectIdSchema,
      name: avatarName.optional(),
      persona: personaSchema.partial().optional(),
      attributes: attributesSchema.partial().optional(),
      params: generationParamsSchema.optional(),
      count: z.number().int().min(1).max(GENERATION_LIMITS.count).optional(),
    })
    .strict(),
  /**
   * Image-to-image: an avatar of the library, or an image file, plus an instruction ("same person,
   * business suit"). The reference is copied into the library, so the recipe can be re-rendered later.
   */
  'generations.fromReference': z
    .object({
      projectId: projectIdSchema,
      reference: z.union([
        z.object({ avatarId: avatarIdSchema }).strict(),
        z.object({ fileName: z.string().max(LIMITS.fileName), bytes: fileBytes }).strict(),
        /** The image an earlier job kept (Generation.referenceSha256): an edit again after its source is gone. */
        z.object({ referenceSha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a reference image id (64 hex digits)') }).strict(),
      ]),
      instruction: z
        .string()
        .trim()
        .min(1, 'must say what to change')
        .max(GENERATION_LIMITS.prompt, `must be at most ${GENERATION_LIMITS.prompt} characters`),
      params: generationParamsSchema.omit({ provider: true, width: true, height: true }).optional(),
      count: z.number().int().min(1).max(GENERATION_LIMITS.count).optional(),
      name: avatarName.optional(),
      priority: z.enum(GENERATION_PRIORITIES).optional(),
    })
    .strict(),
  /** The full image on the system clipboard (desktop only: a page may not write images everywhere). Records a use. */
  'avatars.copyImage': z.object({ id: avatarIdSchema }).strict(),
  /** A native drag of the image file out of the window (desktop only). Records a use when it starts. */
  'avatars.startDrag': z.object({ id: avatarIdSchema }).strict(),
  'settings.get': z.object({}).strict(),
  /** Any subset; the result is the whole, validated settings. Generation changes apply to the running pool. */
  'settings.update': settingsPatchSchema,
  /** Never the token itself: only whether it is set, where it is kept, and what the last check said. */
  'token.status': z.object({}).strict(),
  'token.set': tokenInputSchema,
  'token.clear': z.object({}).strict(),
  /** Asks Hugging Face who the token belongs to. */
  'token.verify': z.object({}).strict(),
  'credits.summary': z.object({}).strict(),
  'credits.history': creditHistorySchema,
  /** Versions, settings and recent errors for a bug report, all secrets removed. */
  'diagnostics.get': z.object({}).strict(),
  'sync.status': z.object({}).strict(),
  /** Signs in with the account's email and password; only the session (a JWT) is kept, encrypted like the HF token. */
  'sync.login': syncLoginSchema,
  'sync.logout': z.object({}).strict(),
  /** Sends what is queued now instead of at the relay's next turn. */
  'sync.now': z.object({}).strict(),
  'sync.pause': z.object({}).strict(),
  'sync.resume': z.object({}).strict(),
  /** Per-project opt-in; turning one on queues its existing avatars (the first sync). */
  'sync.setProject': syncProjectSchema,
  /** Records sync stopped on: refused by the cloud, or changed there since the last sync. */
  'sync.issues': z.object({}).strict(),
  'sync.resolve': syncResolveSchema,
  /**
   * Desktop only: copies the library to an empty folder (chosen in a dialog when `to` is absent),
   * proves the copy, switches to it and removes the old one; the app then restarts on it.
   */
  'library.move': z.object({ to: z.string().trim().min(1).max(1000).optional() }).strict(),
} satisfies Record<CommandName, z.ZodType>;

/** What each command answers with (inside the `ok` envelope). */
export interface CommandOutputs {
  'projects.list': ProjectSummary[];
  'projects.create': ProjectSummary;
  'projects.get': ProjectDetail;
  'projects.update': ProjectSummary;
  'projects.delete': { id: string };
  'avatars.upload': Avatar;
  'avatars.get': Avatar;
  'avatars.list': Avatar[];
  'avatars.update': Avatar;
  'avatars.delete': { id: string; projectId: string };
  'avatars.move': Avatar;
  'generations.create': Generation[];
  'generations.list': Generation[];
  'generations.get': Generation;
  'generations.cancel': Generation;
  'generations.retry': Generation;
  'queue.status': QueueStatus;
  'queue.pause': QueueStatus;
  'queue.resume': QueueStatus;
  'queue.setConcurrency': QueueStatus;
  'generations.vary': Generation[];
  'avatars.search': AvatarPage;
  'usage.record': UsageRecord;
  'usage.list': UsageRecord[];
  'stats.get': LibraryStats;
  'presets.list': Preset[];
  'presets.get': Preset;
  'presets.create': Preset;
  'presets.update': Preset;
  'presets.delete': { id: string };
  'presets.use': Generation[];
  'generations.fromReference': Generation[];
  'avatars.copyImage': UsageRecord;
  'avatars.startDrag': UsageRecord;
  'settings.get': Settings;
  'settings.update': Settings;
  'token.status': TokenStatus;
  'token.set': TokenStatus;
  'token.clear': TokenStatus;
  'token.verify': TokenStatus;
  'credits.summary': CreditSummary;
  'credits.history': LedgerEntry[];
  'diagnostics.get': Diagnostics;
  'sync.status': SyncStatus;
  'sync.login': SyncStatus;
  'sync.logout': SyncStatus;
  'sync.now': SyncStatus;
  'sync.pause': SyncStatus;
  'sync.resume': SyncStatus;
  'sync.setProject': SyncStatus;
  'sync.issues': SyncIssue[];
  'sync.resolve': SyncStatus;
  'library.move': LibraryMove;
}

/** Pushed to every transport after a change commits, whichever process made it. */
export interface EventPayloads {
  'project.changed': { project: ProjectSummary };
  'project.deleted': { id: string };
  'avatar.changed': { avatar: Avatar };
  'avatar.deleted': { id: string; projectId: string };
  'generation.changed': { generation: Generation };
  /** Throttled per job; carries only what moves. */
  'generation.progress': { id: string; projectId: string; stage: GenerationStage; progress: number };
  'queue.changed': { queue: QueueStatus };
  'preset.changed': { preset: Preset };
  'preset.deleted': { id: string };
  'settings.changed': { settings: Settings };
  'token.changed': { status: TokenStatus };
  /** After every charge or refund, from any process. */
  'credits.changed': { summary: CreditSummary };
  'sync.changed': { status: SyncStatus };
}

/** What a caller sends (before defaults and trimming). */
export type CommandInput<C extends CommandName> = z.input<(typeof commandInputs)[C]>;
/** What a handler receives (after validation). */
export type CommandArgs<C extends CommandName> = z.output<(typeof commandInputs)[C]>;
export type CommandOutput<C extends CommandName> = CommandOutputs[C];
export type EventPayload<E extends EventName> = EventPayloads[E];

export type AppEvent = { [E in EventName]: { name: E; payload: EventPayloads[E] } }[EventName];

// Compile-time proof that the name lists, the inputs, the outputs and the events agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const contractIsComplete: [
  Same<keyof CommandOutputs, CommandName>,
  Same<keyof typeof commandInputs, CommandName>,
  Same<keyof EventPayloads, EventName>,
] = [true, true, true];
void contractIsComplete;
