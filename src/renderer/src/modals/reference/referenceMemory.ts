import type { AppErrorShape } from '../../../../shared/errors';
import { LIMITS } from '../../../../shared/vocabulary';
import { DEFAULT_REFERENCE_DRAFT, type ReferenceDraft, type ReferenceInput, type ReferenceSource } from './referenceDraft';

/** One reference, whichever way it was reached: an avatar by id, a file by what the picker tells of it. */
export const referenceKey = (reference: ReferenceSource): string =>
  reference.kind === 'avatar' ? `avatar:${reference.avatar.id}` : `file:${reference.file.name}:${reference.file.size}:${reference.file.lastModified}`;

/** What was typed when the dialog was last closed without sending, for the next time it opens on the same reference. */
let remembered: { key: string; draft: ReferenceDraft } | null = null;

export const rememberedDraft = (key: string): ReferenceDraft => (remembered?.key === key ? remembered.draft : DEFAULT_REFERENCE_DRAFT);

/** `null` forgets (after a successful send). */
export const rememberDraft = (key: string, draft: ReferenceDraft | null): void => {
  remembered = draft ? { key, draft } : null;
};

export type ReadReference = { ok: true; input: ReferenceInput } | { ok: false; error: AppErrorShape };

/** The command's `reference`: an avatar goes by id (the library reads its image); a file's bytes are read now. */
export const readReference = async (reference: ReferenceSource): Promise<ReadReference> => {
  if (reference.kind === 'avatar') return { ok: true, input: { avatarId: reference.avatar.id } };
  const { file } = reference;
  try {
    return { ok: true, input: { fileName: file.name.slice(-LIMITS.fileName), bytes: new Uint8Array(await file.arrayBuffer()) } };
  } catch {
    return { ok: false, error: { code: 'IMAGE_CORRUPT', message: `“${file.name}” could not be read from disk.` } };
  }
};
