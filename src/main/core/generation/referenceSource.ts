import { promises as fs } from 'node:fs';
import type { CommandArgs } from '../../../shared/contract';
import type { Attributes, Persona } from '../../../shared/domain';
import { AppError, ErrorCode } from '../../../shared/errors';
import { findAvatar } from '../avatars/avatarQueries';
import { avatarNotFound } from '../avatars/avatarService';
import type { LibraryContext } from '../library/context';

/** What a from-reference job starts from: the image, and who is in it when the library knows. */
export interface ReferenceSource {
  /** An image to check and keep, or one the library already keeps. */
  image: { bytes: Uint8Array } | { referenceSha256: string };
  /** Lineage: the avatar the new ones are made from; null for an image file. */
  avatarId: string | null;
  name: string | null;
  persona: Partial<Persona>;
  attributes: Partial<Attributes>;
}

/** Unset fields stay out of the recipe, so it reads as what is known about the person. */
const known = <T extends object>(fields: T): Partial<T> =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && !(Array.isArray(value) && value.length === 0))) as Partial<T>;

export const resolveReference = async (
  ctx: LibraryContext,
  reference: CommandArgs<'generations.fromReference'>['reference'],
): Promise<ReferenceSource> => {
  if ('referenceSha256' in reference) return { image: reference, avatarId: null, name: null, persona: {}, attributes: {} };
  if ('bytes' in reference) return { image: { bytes: reference.bytes }, avatarId: null, name: null, persona: {}, attributes: {} };
  const avatar = findAvatar(ctx.db, reference.avatarId);
  if (!avatar) throw avatarNotFound(reference.avatarId);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(ctx.images.pathFor(avatar.id, 'full', avatar.image.format));
  } catch {
    throw new AppError(ErrorCode.NOT_FOUND, `The image file of avatar ${avatar.id} is missing from the library.`);
  }
  // The same person in a new scene: the persona and looks carry over; the instruction changes the rest.
  return { image: { bytes }, avatarId: avatar.id, name: avatar.name, persona: known(avatar.persona), attributes: known(avatar.attributes) };
};
