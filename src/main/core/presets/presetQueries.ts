import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Attributes, Persona, Preset } from '../../../shared/domain';
import type { PresetCategory } from '../../../shared/vocabulary';
import type { Queryable } from '../db/open';
import { presets } from '../db/schema';

const parseObject = <T extends object>(text: string): Partial<T> => {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Partial<T>) : {};
  } catch {
    return {};
  }
};

// Written out in full (see projectQueries). A preview avatar that has since been deleted reads as no preview, so the gallery never shows a broken image.
const livePreviewAvatarId = sql<string | null>`(select a.id from avatars a where a.id = presets.preview_avatar_id)`.as('live_preview_avatar_id');

const columns = {
  id: presets.id,
  name: presets.name,
  category: presets.category,
  description: presets.description,
  persona: presets.persona,
  attributes: presets.attributes,
  prompt: presets.prompt,
  isBuiltin: presets.isBuiltin,
  usageCount: presets.usageCount,
  previewAvatarId: livePreviewAvatarId,
  createdAt: presets.createdAt,
  updatedAt: presets.updatedAt,
};

type PresetSelection = Omit<typeof presets.$inferSelect, 'previewAvatarId'> & { previewAvatarId: string | null };

const toPreset = (row: PresetSelection): Preset => ({
  id: row.id,
  name: row.name,
  category: row.category as PresetCategory,
  description: row.description,
  persona: parseObject<Persona>(row.persona),
  attributes: parseObject<Attributes>(row.attributes),
  prompt: row.prompt,
  isBuiltin: row.isBuiltin,
  usageCount: row.usageCount,
  previewAvatarId: row.previewAvatarId,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

export const findPreset = (db: Queryable, id: string): Preset | null => {
  const row = db.select(columns).from(presets).where(eq(presets.id, id)).get();
  return row ? toPreset(row) : null;
};

/** LIKE with its wildcards escaped, so a search for "100%" means the text "100%". */
const containing = (text: string): string => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

export interface PresetFilter {
  category?: PresetCategory;
  query?: string;
}

/** Built-in presets first, then by name; each word of the query must appear in the name, description or prompt. */
export const listPresets = (db: Queryable, { category, query }: PresetFilter = {}): Preset[] => {
  const conditions: SQL[] = [];
  if (category) conditions.push(eq(presets.category, category));
  for (const word of (query ?? '').trim().split(/\s+/).filter(Boolean)) {
    const pattern = containing(word);
    conditions.push(
      sql`(${presets.name} like ${pattern} escape '\\' or coalesce(${presets.description}, '') like ${pattern} escape '\\' or ${presets.prompt} like ${pattern} escape '\\')`,
    );
  }
  return db
    .select(columns)
    .from(presets)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(presets.isBuiltin), asc(sql`${presets.name} collate nocase`), asc(presets.id))
    .all()
    .map(toPreset);
};
