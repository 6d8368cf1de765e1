import type { Avatar, Generation } from '../../../../shared/domain';

export interface AvatarRef {
  id: string;
  name: string;
  projectId: string;
}

/** Where an avatar came from, as its recipe section tells it. */
export interface Origin {
  /** A variation: the parent's recipe again with a new seed. Made from: the parent was the reference image. */
  relation: 'variation' | 'madeFrom';
  /** 'deleted': the parent is gone. 'file': made from an image file (no parent avatar ever). */
  parent: AvatarRef | 'deleted' | 'file';
  /** From a reference only: the avatar whose image was edited, while it exists (the target of "Use this recipe"). */
  reference: AvatarRef | null;
}

/** Found it, know it is gone (null), or not known yet (undefined: ask for it, then resolve again). */
type Known<T> = T | null | undefined;

export interface OriginLookup {
  avatar(id: string): Known<Avatar>;
  job(id: string): Known<Generation>;
}

/** What has to be fetched before the origin can be told. */
export interface OriginPending {
  pending: { kind: 'avatar' | 'job'; id: string };
}

/** Variations of variations of a reference: followed this far up to find the image that was edited. */
const MAX_DEPTH = 12;

const refOf = (avatar: Avatar): AvatarRef => ({ id: avatar.id, name: avatar.name, projectId: avatar.projectId });

/** The reference image a from-reference avatar's job edited; undefined while its job is not known. */
const referenceShaOf = (avatar: Avatar, lookup: OriginLookup): Known<string> | OriginPending => {
  if (!avatar.generationId) return null;
  const job = lookup.job(avatar.generationId);
  if (job === undefined) return { pending: { kind: 'job', id: avatar.generationId } };
  return job?.referenceSha256 ?? null;
};

const isPending = (value: unknown): value is OriginPending => typeof value === 'object' && value !== null && 'pending' in value;

/**
 * Tells a variation from an avatar made from its parent. Both point at the parent, so the jobs
 * decide: a variation of a from-reference avatar edits the same reference image as its parent did,
 * and then the reference is the parent's own (followed up the chain).
 */
export const resolveOrigin = (avatar: Avatar, lookup: OriginLookup, depth = 0): Origin | OriginPending | null => {
  const fromReference = avatar.sourceType === 'from_reference';
  if (!avatar.parentAvatarId) return fromReference ? { relation: 'madeFrom', parent: 'file', reference: null } : null;
  const parent = lookup.avatar(avatar.parentAvatarId);
  if (parent === undefined) return { pending: { kind: 'avatar', id: avatar.parentAvatarId } };
  if (parent === null) return { relation: fromReference ? 'madeFrom' : 'variation', parent: 'deleted', reference: null };
  if (!fromReference) return { relation: 'variation', parent: refOf(parent), reference: null };
  if (parent.sourceType !== 'from_reference') return { relation: 'madeFrom', parent: refOf(parent), reference: refOf(parent) };

  const own = referenceShaOf(avatar, lookup);
  if (isPending(own)) return own;
  const parents = referenceShaOf(parent, lookup);
  if (isPending(parents)) return parents;
  if (!own || own !== parents) return { relation: 'madeFrom', parent: refOf(parent), reference: refOf(parent) };
  // The same edit of the same image: the parent's reference is this one's too.
  if (depth >= MAX_DEPTH) return { relation: 'variation', parent: refOf(parent), reference: null };
  const above = resolveOrigin(parent, lookup, depth + 1);
  if (above !== null && isPending(above)) return above;
  return { relation: 'variation', parent: refOf(parent), reference: above?.reference ?? null };
};

export const isOriginPending = (value: Origin | OriginPending | null): value is OriginPending => isPending(value);
