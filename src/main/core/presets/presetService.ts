import { eq, sql } from 'drizzle-orm';
import type { CommandArgs } from '../../../shared/contract';
import type { Attributes, Generation, Persona, Preset, Recipe } from '../../../shared/domain';
import { AppError, ErrorCode } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import { rowToAvatar } from '../avatars/avatarRows';
import { avatars, presets } from '../db/schema';
import { findGeneration } from '../generation/jobQueries';
import type { GenerationService } from '../generation/generationService';
import type { LibraryContext } from '../library/context';
import { findPreset, listPresets } from './presetQueries';
import { avatarNotFound } from '../avatars/avatarService';

export const presetNotFound = (id: string): AppError => new AppError(ErrorCode.NOT_FOUND, `No preset with id ${id}.`);

const readOnly = (preset: Preset): AppError =>
  new AppError(ErrorCode.INVALID_STATE, `“${preset.name}” is a built-in preset and cannot be changed; save a copy as your own preset instead.`);

/** Keys whose value is undefined are left out, so a stored template only holds what was set. */
const definedOnly = <T extends object>(value: T | undefined): Partial<T> =>
  Object.fromEntries(Object.entries(value ?? {}).filter(([, item]) => item !== undefined)) as Partial<T>;

/** An avatar's empty fields (null, no traits) are not part of the template made from it. */
const filledOnly = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, item]) => item !== null && !(Array.isArray(item) && item.length === 0))) as Partial<T>;

/** Built-in presets ship with the app (migration 0004); user presets are made here, from scratch or from an avatar. */
export class PresetService {
  constructor(
    private readonly ctx: LibraryContext,
    private readonly generations: GenerationService,
  ) {}

  list({ category, query }: CommandArgs<'presets.list'>): Preset[] {
    return listPresets(this.ctx.db, { category, query });
  }

  require(id: string): Preset {
    const preset = findPreset(this.ctx.db, id);
    if (!preset) throw presetNotFound(id);
    return preset;
  }

  /** From scratch, or from an avatar: its persona, attributes and free-text prompt, with any fields given here on top. */
  create({ fromAvatarId, name, category, description, persona, attributes, prompt }: CommandArgs<'presets.create'>): Preset {
    const { db, feed, now } = this.ctx;
    const source = fromAvatarId ? this.recipeOfAvatar(fromAvatarId) : null;
    const id = newId('preset');
    const at = now();
    db.transaction((tx) => {
      tx.insert(presets)
        .values({
          id,
          name,
          category,
          description: description || null,
          persona: JSON.stringify({ ...source?.persona, ...definedOnly(persona) }),
          attributes: JSON.stringify({ ...source?.attributes, ...definedOnly(attributes) }),
          prompt: prompt ?? source?.prompt ?? '',
          isBuiltin: false,
          previewAvatarId: fromAvatarId ?? null,
          createdAt: at,
          updatedAt: at,
        })
        .run();
      feed.record(tx, [{ entity: 'preset', entityId: id, kind: 'changed' }]);
    });
    feed.flush();
    return this.require(id);
  }

  /** User presets only. A persona or attributes object given here replaces the stored one. */
  update({ id, name, category, description, persona, attributes, prompt }: CommandArgs<'presets.update'>): Preset {
    const { db, feed, now } = this.ctx;
    const current = this.require(id);
    if (current.isBuiltin) throw readOnly(current);
    db.transaction((tx) => {
      tx.update(presets)
        .set({
          ...(name !== undefined && { name }),
          ...(category !== undefined && { category }),
          ...(description !== undefined && { description: description || null }),
          ...(persona !== undefined && { persona: JSON.stringify(definedOnly(persona)) }),
          ...(attributes !== undefined && { attributes: JSON.stringify(definedOnly(attributes)) }),
          ...(prompt !== undefined && { prompt }),
          updatedAt: now(),
        })
        .where(eq(presets.id, id))
        .run();
      feed.record(tx, [{ entity: 'preset', entityId: id, kind: 'changed' }]);
    });
    feed.flush();
    return this.require(id);
  }

  /** User presets only. Avatars made from it keep existing; their link to it is cleared by the foreign key. */
  delete(id: string): { id: string } {
    const { db, feed } = this.ctx;
    const current = this.require(id);
    if (current.isBuiltin) throw readOnly(current);
    db.transaction((tx) => {
      tx.delete(presets).where(eq(presets.id, id)).run();
      feed.record(tx, [{ entity: 'preset', entityId: id, kind: 'deleted' }]);
    });
    feed.flush();
    return { id };
  }

  /**
   * Avatars from a preset: its persona, attributes and prompt with the overrides on top (a field
   * set to "" or null clears the preset's value), named after the preset unless a name is given.
   * The jobs remember the preset, so the avatars they make are `from_preset`. Usage counts one per
   * avatar requested, recorded right after the jobs commit.
   */
  use({ presetId, projectId, name, persona, attributes, params, count = 1 }: CommandArgs<'presets.use'>): Generation[] {
    const { db, feed } = this.ctx;
    const preset = this.require(presetId);
    const recipe: Recipe = {
      persona: { ...preset.persona, ...definedOnly(persona) },
      attributes: { ...preset.attributes, ...definedOnly(attributes) },
      ...(preset.prompt !== '' && { prompt: preset.prompt }),
    };
    const jobs = this.generations.enqueue({ projectId, recipe, params, count, name: name ?? preset.name, presetId });
    db.transaction((tx) => {
      tx.update(presets)
        .set({ usageCount: sql`${presets.usageCount} + ${jobs.length}` })
        .where(eq(presets.id, presetId))
        .run();
      feed.record(tx, [{ entity: 'preset', entityId: presetId, kind: 'changed' }]);
    });
    feed.flush();
    return jobs;
  }

  /** What "save as preset" copies: the avatar's persona and attributes, and the free text of the recipe that made it. */
  private recipeOfAvatar(avatarId: string): { persona: Partial<Persona>; attributes: Partial<Attributes>; prompt: string } {
    const row = this.ctx.db.select().from(avatars).where(eq(avatars.id, avatarId)).get();
    if (!row) throw avatarNotFound(avatarId);
    const avatar = rowToAvatar(row);
    const job = row.generationId ? findGeneration(this.ctx.db, row.generationId) : null;
    return {
      persona: filledOnly(avatar.persona),
      attributes: filledOnly(avatar.attributes),
      prompt: job?.recipe.prompt ?? '',
    };
  }
}
