import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

const createdAt = () => integer('created_at').notNull();
const updatedAt = () => integer('updated_at').notNull();

export const projects = sqliteTable(
  'projects',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    description: text('description'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('projects_created_idx').on(table.createdAt, table.id)],
);

export const presets = sqliteTable(
  'presets',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    description: text('description'),
    /** Persona template and visual attributes as JSON objects in the contract's shapes. */
    persona: text('persona').notNull(),
    attributes: text('attributes').notNull(),
    prompt: text('prompt').notNull(),
    isBuiltin: integer('is_builtin', { mode: 'boolean' }).notNull().default(false),
    usageCount: integer('usage_count').notNull().default(0),
    /** A user preset saved from an avatar shows that avatar; built-in presets ship their own preview. */
    previewAvatarId: text('preview_avatar_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('presets_category_idx').on(table.category, table.name)],
);

/** The durable job table: a row exists before a job id is handed out, and outlives crashes. */
export const generations = sqliteTable(
  'generations',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    batchId: text('batch_id'),
    /** Name the finished avatar gets. */
    name: text('name').notNull().default(''),
    status: text('status', { enum: ['pending', 'processing', 'completed', 'failed', 'cancelled'] }).notNull(),
    stage: text('stage', { enum: ['queued', 'submitting', 'generating', 'saving', 'done'] }).notNull(),
    progress: real('progress').notNull().default(0),
    priority: integer('priority').notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    /** The recipe the user asked for (persona, attributes, free text), kept to re-render or vary. */
    recipe: text('recipe').notNull(),
    prompt: text('prompt').notNull(),
    negativePrompt: text('negative_prompt'),
    seed: integer('seed').notNull(),
    model: text('model').notNull(),
    provider: text('provider').notNull(),
    params: text('params').notNull(),
    sourceAvatarId: text('source_avatar_id'),
    presetId: text('preset_id').references(() => presets.id, { onDelete: 'set null' }),
    /** From a reference: the sha256 of the image in `references/`, which the job sends with its instruction. */
    referenceSha256: text('reference_sha256'),
    /** Credits the job costs; charged, refunded and charged again on retry by triggers (0008). */
    creditCost: integer('credit_cost').notNull().default(0),
    /** `host:pid:start` of the process running it; with the lease, how a crashed claim is recognised. */
    claimedBy: text('claimed_by'),
    leaseExpiresAt: integer('lease_expires_at'),
    nextAttemptAt: integer('next_attempt_at'),
    createdAt: createdAt(),
    startedAt: integer('started_at'),
    finishedAt: integer('finished_at'),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('generations_queue_idx').on(table.status, table.priority, table.createdAt),
    index('generations_batch_idx').on(table.batchId),
    index('generations_project_idx').on(table.projectId, table.createdAt),
    // Generations per day: a range scan over the last 30 days instead of every job.
    index('generations_finished_idx').on(table.finishedAt, table.status),
  ],
);

export const avatars = sqliteTable(
  'avatars',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    personaName: text('persona_name'),
    personaAge: integer('persona_age'),
    /** JSON array of strings, as the cloud stores it. */
    personaPersonality: text('persona_personality').notNull().default('[]'),
    personaBackground: text('persona_background'),
    gender: text('gender', { enum: ['male', 'female', 'unisex'] }),
    ageRange: text('age_range', { enum: ['young', 'adult', 'mature'] }),
    ethnicity: text('ethnicity'),
    bodyType: text('body_type'),
    hairStyle: text('hair_style'),
    hairColor: text('hair_color'),
    eyeColor: text('eye_color'),
    skinTone: text('skin_tone'),
    style: text('style'),
    sourceType: text('source_type', { enum: ['uploaded', 'text_to_image', 'from_preset', 'from_reference'] }).notNull(),
    imageFormat: text('image_format', { enum: ['jpeg', 'png', 'webp'] }).notNull(),
    imageWidth: integer('image_width').notNull(),
    imageHeight: integer('image_height').notNull(),
    imageBytes: integer('image_bytes').notNull(),
    imageSha256: text('image_sha256').notNull(),
    generationPrompt: text('generation_prompt'),
    negativePrompt: text('negative_prompt'),
    seed: integer('seed'),
    model: text('model'),
    provider: text('provider'),
    generationParams: text('generation_params'),
    /** The job that made this avatar: unique, so a retried job can never make a second one. */
    generationId: text('generation_id').references(() => generations.id, { onDelete: 'set null' }),
    parentAvatarId: text('parent_avatar_id').references((): AnySQLiteColumn => avatars.id, { onDelete: 'set null' }),
    presetId: text('preset_id').references(() => presets.id, { onDelete: 'set null' }),
    usageCount: integer('usage_count').notNull().default(0),
    lastUsedAt: integer('last_used_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('avatars_project_created_idx').on(table.projectId, table.createdAt, table.id),
    // Most used: index order (usage_count, last_used_at) serves the ranking with no sort, ties or not.
    index('avatars_usage_rank_idx').on(table.usageCount, table.lastUsedAt),
    index('avatars_recent_used_idx').on(table.lastUsedAt),
    index('avatars_source_idx').on(table.sourceType),
    index('avatars_sha_idx').on(table.imageSha256),
    index('avatars_parent_idx').on(table.parentAvatarId),
    uniqueIndex('avatars_generation_uq').on(table.generationId),
  ],
);

export const usageHistory = sqliteTable(
  'usage_history',
  {
    id: text('id').primaryKey(),
    avatarId: text('avatar_id')
      .notNull()
      .references(() => avatars.id, { onDelete: 'cascade' }),
    appId: text('app_id').notNull(),
    appName: text('app_name').notNull(),
    action: text('action').notNull(),
    referenceId: text('reference_id'),
    referenceType: text('reference_type'),
    metadata: text('metadata'),
    createdAt: createdAt(),
  },
  (table) => [
    index('usage_avatar_created_idx').on(table.avatarId, table.createdAt),
    index('usage_app_idx').on(table.appId, table.createdAt),
  ],
);

/** Written in the same transaction as the change it describes; a relay drains it to the cloud. */
export const syncOutbox = sqliteTable(
  'sync_outbox',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    entityType: text('entity_type', { enum: ['project', 'avatar', 'usage'] }).notNull(),
    entityId: text('entity_id').notNull(),
    operation: text('operation', { enum: ['create', 'update', 'delete', 'usage'] }).notNull(),
    payload: text('payload').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    status: text('status', { enum: ['pending', 'sending', 'error', 'conflict'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: integer('next_attempt_at'),
    createdAt: createdAt(),
    /** The project of an avatar row, the avatar of a usage row: what must reach the cloud first. */
    parentId: text('parent_id'),
    /** Part of an opted-in project's first sync (counts towards SyncStatus.initial). */
    initial: integer('initial', { mode: 'boolean' }).notNull().default(false),
    /** Set before the first send; with inFlight, a create whose outcome is unknown is checked before re-sending. */
    firstSentAt: integer('first_sent_at'),
    inFlight: integer('in_flight', { mode: 'boolean' }).notNull().default(false),
    /** SHA-256 of the exact upload bytes (marker included), kept so a re-send and the check use the same bytes. */
    sentSha256: text('sent_sha256'),
    /** Usage rows sent together share the first row's key, so a retried batch is the same request. */
    batchKey: text('batch_key'),
  },
  (table) => [
    uniqueIndex('sync_outbox_key_uq').on(table.idempotencyKey),
    index('sync_outbox_status_idx').on(table.status, table.seq),
    index('sync_outbox_entity_idx').on(table.entityType, table.entityId, table.seq),
  ],
);

/** Projects opted in to sync; triggers (0011) write the outbox only for these. */
export const syncProjects = sqliteTable('sync_projects', {
  projectId: text('project_id').primaryKey(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull(),
  /** Rows queued by the latest opt-in, for the first-sync progress. */
  initialTotal: integer('initial_total').notNull().default(0),
  updatedAt: updatedAt(),
});

/** Local id ↔ cloud id, with the cloud's updatedAt and synced fields as last seen (conflict detection). */
export const syncMap = sqliteTable(
  'sync_map',
  {
    entityType: text('entity_type', { enum: ['project', 'avatar'] }).notNull(),
    localId: text('local_id').notNull(),
    cloudId: text('cloud_id').notNull(),
    remoteUpdatedAt: text('remote_updated_at'),
    /** JSON of the synced fields as the cloud last answered them. */
    remoteFields: text('remote_fields'),
  },
  (table) => [primaryKey({ columns: [table.entityType, table.localId] }), index('sync_map_cloud_idx').on(table.cloudId)],
);

/** Sync state every process reads (account, pause, lease, capabilities, balance): one JSON value per key. */
export const syncMeta = sqliteTable('sync_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** A row here (inside a transaction) keeps the outbox triggers quiet: the relay applying the cloud's state. */
export const syncSuppress = sqliteTable('sync_suppress', { id: integer('id').primaryKey() });

/**
 * Every committed change, so each process on the library (app, web bridge, CLI) can tell
 * the others' changes apart from its own and push them as events. Pruned as it ages.
 */
export const changeFeed = sqliteTable(
  'change_feed',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    origin: text('origin').notNull(),
    entity: text('entity', { enum: ['project', 'avatar', 'generation', 'preset', 'credits', 'sync'] }).notNull(),
    entityId: text('entity_id').notNull(),
    kind: text('kind', { enum: ['changed', 'deleted'] }).notNull(),
    projectId: text('project_id'),
    at: integer('at').notNull().default(sql`(unixepoch() * 1000)`),
  },
  (table) => [index('change_feed_at_idx').on(table.at)],
);

/**
 * The spending guard's ledger: every charge and refund, kept when the work it paid for is deleted
 * (it is history, and what sync reports to a Lumiku account). Jobs' rows are written by triggers
 * in the same statement as the job change, so no code path can skip one.
 */
export const creditLedger = sqliteTable(
  'credit_ledger',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['charge', 'refund'] }).notNull(),
    action: text('action', { enum: ['generate', 'upload', 'fromPreset', 'fromReference', 'editPersona'] }).notNull(),
    amount: integer('amount').notNull(),
    generationId: text('generation_id'),
    avatarId: text('avatar_id'),
    batchId: text('batch_id'),
    note: text('note'),
    createdAt: createdAt(),
  },
  (table) => [index('credit_ledger_created_idx').on(table.createdAt), index('credit_ledger_generation_idx').on(table.generationId)],
);
