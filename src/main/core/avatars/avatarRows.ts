import type { InferSelectModel } from 'drizzle-orm';
import type { Attributes, Avatar, Persona } from '../../../shared/domain';
import type { avatars } from '../db/schema';

export type AvatarRow = InferSelectModel<typeof avatars>;

const parseJson = <T>(text: string | null, fallback: T): T => {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

export const rowToAvatar = (row: AvatarRow): Avatar => ({
  id: row.id,
  projectId: row.projectId,
  name: row.name,
  persona: {
    name: row.personaName,
    age: row.personaAge,
    personality: parseJson<string[]>(row.personaPersonality, []),
    background: row.personaBackground,
  },
  attributes: {
    gender: row.gender,
    ageRange: row.ageRange,
    ethnicity: row.ethnicity,
    bodyType: row.bodyType,
    hairStyle: row.hairStyle,
    hairColor: row.hairColor,
    eyeColor: row.eyeColor,
    skinTone: row.skinTone,
    style: row.style,
  },
  sourceType: row.sourceType,
  image: {
    format: row.imageFormat,
    width: row.imageWidth,
    height: row.imageHeight,
    byteSize: row.imageBytes,
    sha256: row.imageSha256,
  },
  generation:
    row.generationPrompt === null
      ? null
      : {
          prompt: row.generationPrompt,
          negativePrompt: row.negativePrompt,
          seed: row.seed ?? 0,
          model: row.model ?? '',
          provider: row.provider ?? '',
          params: parseJson<Record<string, unknown>>(row.generationParams, {}),
        },
  generationId: row.generationId,
  parentAvatarId: row.parentAvatarId,
  usageCount: row.usageCount,
  lastUsedAt: row.lastUsedAt,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

/** Column values for a persona and attributes (whole or partial), as the avatars table stores them. */
export const personaColumns = (persona: Partial<Persona>) => ({
  ...(persona.name !== undefined && { personaName: persona.name }),
  ...(persona.age !== undefined && { personaAge: persona.age }),
  ...(persona.personality !== undefined && { personaPersonality: JSON.stringify(persona.personality) }),
  ...(persona.background !== undefined && { personaBackground: persona.background }),
});

export const attributeColumns = (attributes: Partial<Attributes>): Partial<Attributes> =>
  Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== undefined));
