import { isoAt, newId } from './ids';
import type { Db } from './schema';

/** The cloud's Avatar model as JSON. personaPersonality stays a JSON array string, as stored. */
export interface AvatarJson {
  id: string;
  userId: string;
  projectId: string;
  name: string;
  baseImageUrl: string;
  thumbnailUrl: string | null;
  personaName: string | null;
  personaAge: number | null;
  personaPersonality: string | null;
  personaBackground: string | null;
  gender: string | null;
  ageRange: string | null;
  ethnicity: string | null;
  bodyType: string | null;
  hairStyle: string | null;
  hairColor: string | null;
  eyeColor: string | null;
  skinTone: string | null;
  style: string | null;
  sourceType: 'uploaded' | 'text_to_image' | 'from_preset' | 'from_reference';
  generationPrompt: string | null;
  seedUsed: number | null;
  usageCount: number;
  lastUsedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Fields a client may set (upload and PUT), camelCase key → column. */
export const AVATAR_FIELDS = {
  name: 'name',
  personaName: 'persona_name',
  personaAge: 'persona_age',
  personaPersonality: 'persona_personality',
  personaBackground: 'persona_background',
  gender: 'gender',
  ageRange: 'age_range',
  ethnicity: 'ethnicity',
  bodyType: 'body_type',
  hairStyle: 'hair_style',
  hairColor: 'hair_color',
  eyeColor: 'eye_color',
  skinTone: 'skin_tone',
  style: 'style',
} as const;

export type AvatarField = keyof typeof AVATAR_FIELDS;
export type AvatarFieldValues = Partial<Record<AvatarField, string | number | null>>;

const { name: _name, ...PERSONA_AND_ATTRIBUTES } = AVATAR_FIELDS;

/** Every column in the cloud model's order, so answers read like the cloud's. */
const ALL_COLUMNS = {
  id: 'id', userId: 'user_id', projectId: 'project_id', name: 'name', baseImageUrl: 'base_image_url', thumbnailUrl: 'thumbnail_url',
  ...PERSONA_AND_ATTRIBUTES,
  sourceType: 'source_type', generationPrompt: 'generation_prompt', seedUsed: 'seed_used', usageCount: 'usage_count',
  lastUsedAt: 'last_used_at', createdAt: 'created_at', updatedAt: 'updated_at',
} as const;

const SELECT = `SELECT ${Object.entries(ALL_COLUMNS)
  .map(([key, column]) => `${column} AS ${key}`)
  .join(', ')} FROM avatars`;

export const findAvatar = (db: Db, avatarId: string, userId: string): AvatarJson | undefined =>
  db.prepare(`${SELECT} WHERE id = ? AND user_id = ?`).get(avatarId, userId) as AvatarJson | undefined;

export const listAvatarsOfProject = (db: Db, projectId: string): AvatarJson[] =>
  db.prepare(`${SELECT} WHERE project_id = ? ORDER BY created_at DESC, seq DESC`).all(projectId) as AvatarJson[];

export const listAllAvatars = (db: Db): AvatarJson[] =>
  db.prepare(`${SELECT} ORDER BY created_at DESC, seq DESC`).all() as AvatarJson[];

export interface NewAvatar {
  userId: string;
  projectId: string;
  baseImageUrl: string;
  thumbnailUrl: string;
  fields: AvatarFieldValues;
}

export const insertAvatar = (db: Db, input: NewAvatar, now: number): string => {
  const id = newId(now);
  const at = isoAt(now);
  const fieldKeys = Object.keys(AVATAR_FIELDS) as AvatarField[];
  const columns = ['id', 'user_id', 'project_id', 'base_image_url', 'thumbnail_url', 'source_type', 'created_at', 'updated_at'];
  // `value || null`, as the cloud's repository: empty strings and age 0 are stored as null.
  const values = [id, input.userId, input.projectId, input.baseImageUrl, input.thumbnailUrl, 'uploaded', at, at];
  db.prepare(
    `INSERT INTO avatars (${[...columns, ...fieldKeys.map((key) => AVATAR_FIELDS[key])].join(', ')}) VALUES (${[
      ...columns,
      ...fieldKeys,
    ]
      .map(() => '?')
      .join(', ')})`,
  ).run(...values, ...fieldKeys.map((key) => input.fields[key] || null));
  return id;
};

/** Only the given keys change (Prisma's update with undefined left out). */
export const updateAvatar = (db: Db, avatarId: string, changes: AvatarFieldValues, now: number): void => {
  const keys = (Object.keys(changes) as AvatarField[]).filter((key) => changes[key] !== undefined && key in AVATAR_FIELDS);
  const sets = [...keys.map((key) => `${AVATAR_FIELDS[key]} = ?`), 'updated_at = ?'];
  db.prepare(`UPDATE avatars SET ${sets.join(', ')} WHERE id = ?`).run(...keys.map((key) => changes[key] ?? null), isoAt(now), avatarId);
};

export const deleteAvatar = (db: Db, avatarId: string): void => {
  db.prepare('DELETE FROM avatars WHERE id = ?').run(avatarId);
};

/** A late-synced use never moves lastUsedAt backwards. */
export const markAvatarUsed = (db: Db, avatarId: string, usedAt: string, now: number): void => {
  db.prepare(
    'UPDATE avatars SET usage_count = usage_count + 1, last_used_at = CASE WHEN last_used_at IS NULL OR last_used_at < ? THEN ? ELSE last_used_at END, updated_at = ? WHERE id = ?',
  ).run(usedAt, usedAt, isoAt(now), avatarId);
};
