import type Database from 'better-sqlite3';

/** The avatar fields sync carries, in the cloud's names (LUMIKU_API.md). */
export const TEXT_FIELDS = ['personaName', 'personaBackground', 'ethnicity', 'bodyType', 'hairStyle', 'hairColor', 'eyeColor', 'skinTone', 'style'] as const;
export const ENUM_FIELDS = ['gender', 'ageRange'] as const;

export interface LocalAvatar {
  id: string;
  projectId: string;
  name: string;
  personaName: string | null;
  personaAge: number | null;
  personaPersonality: string;
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
  imageFormat: 'png' | 'jpeg' | 'webp';
  updatedAt: number;
}

export interface LocalProject {
  id: string;
  name: string;
  description: string | null;
  updatedAt: number;
}

/** What the cloud holds of an avatar, normalised ("" and null alike), for comparing and conflict checks. */
export type CloudFields = Record<string, string | number | null>;

export const readAvatar = (sqlite: Database.Database, id: string): LocalAvatar | null =>
  (sqlite
    .prepare(
      `SELECT id, project_id AS projectId, name, persona_name AS personaName, persona_age AS personaAge, persona_personality AS personaPersonality,
         persona_background AS personaBackground, gender, age_range AS ageRange, ethnicity, body_type AS bodyType, hair_style AS hairStyle,
         hair_color AS hairColor, eye_color AS eyeColor, skin_tone AS skinTone, style, image_format AS imageFormat, updated_at AS updatedAt
       FROM avatars WHERE id = ?`,
    )
    .get(id) as LocalAvatar | undefined) ?? null;

export const readProject = (sqlite: Database.Database, id: string): LocalProject | null =>
  (sqlite.prepare('SELECT id, name, description, updated_at AS updatedAt FROM projects WHERE id = ?').get(id) as LocalProject | undefined) ?? null;

const blank = (value: unknown): string | number | null => (value === '' || value === undefined ? null : (value as string | number | null));

const personality = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  const list: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(list) && list.length > 0 ? JSON.stringify(list) : null;
};

/** The local avatar as the cloud would hold it. */
export const localFields = (avatar: LocalAvatar): CloudFields => ({
  name: avatar.name.trim(),
  personaAge: avatar.personaAge,
  personaPersonality: personality(avatar.personaPersonality),
  ...Object.fromEntries([...TEXT_FIELDS, ...ENUM_FIELDS].map((key) => [key, blank(avatar[key])])),
});

/** The cloud's answer, normalised the same way. */
export const cloudFields = (avatar: Record<string, unknown>): CloudFields => ({
  name: String(avatar.name ?? '').trim(),
  personaAge: (avatar.personaAge as number | null) ?? null,
  personaPersonality: personality(avatar.personaPersonality),
  ...Object.fromEntries([...TEXT_FIELDS, ...ENUM_FIELDS].map((key) => [key, blank(avatar[key])])),
});

export const sameFields = (a: CloudFields, b: CloudFields): boolean =>
  Object.keys({ ...a, ...b }).every((key) => (a[key] ?? null) === (b[key] ?? null));

/**
 * Multipart text is preprocessed by the cloud: JSON-looking and number-looking values change type
 * and fail validation (docs/sync-api.md §1.2). Such values are left out of the upload and PUT after.
 */
export const formSafe = (value: string): boolean =>
  value.trim() !== '' && !value.startsWith('[') && !value.startsWith('{') && Number.isNaN(Number(value));

/** The upload's text fields, and whether a PUT must follow for what could not go in the form. */
export const uploadForm = (avatar: LocalAvatar): { fields: Record<string, string>; needsPut: boolean } => {
  const wanted = localFields(avatar);
  const fields: Record<string, string> = {};
  let needsPut = false;
  const name = String(wanted.name);
  if (formSafe(name)) fields.name = name;
  else {
    fields.name = 'Avatar';
    needsPut = true;
  }
  if (wanted.personaAge !== null) fields.personaAge = String(wanted.personaAge);
  if (wanted.personaPersonality !== null) fields.personaPersonality = String(wanted.personaPersonality);
  for (const key of [...TEXT_FIELDS, ...ENUM_FIELDS]) {
    const value = wanted[key];
    if (value === null) continue;
    if (formSafe(String(value))) fields[key] = String(value);
    else needsPut = true;
  }
  return { fields, needsPut };
};

/** PUT's JSON: every field (PUT cannot send null: "" empties a text, absent keeps the cloud's value). */
export const putBody = (avatar: LocalAvatar): Record<string, unknown> => {
  const wanted = localFields(avatar);
  const body: Record<string, unknown> = { name: wanted.name };
  body.personaPersonality = wanted.personaPersonality === null ? [] : JSON.parse(String(wanted.personaPersonality));
  if (wanted.personaAge !== null) body.personaAge = wanted.personaAge;
  for (const key of TEXT_FIELDS) body[key] = wanted[key] ?? '';
  for (const key of ENUM_FIELDS) if (wanted[key] !== null) body[key] = wanted[key];
  return body;
};
