import { describe, expect, it } from 'vitest';
import { resolveOrigin, type OriginLookup } from '../../src/renderer/src/components/variations/origin';
import type { Avatar, Generation, SourceType } from '../../src/shared/domain';

const avatar = (id: string, sourceType: SourceType, parentAvatarId: string | null = null): Avatar =>
  ({ id, name: id.toUpperCase(), projectId: 'prj_1', sourceType, parentAvatarId, generationId: sourceType === 'uploaded' ? null : `gen_${id}` }) as unknown as Avatar;

/** Everything known locally unless listed in `unknown`; `gone` answers "deleted". */
const lookup = (avatars: Avatar[], shas: Record<string, string | null>, unknown: string[] = [], gone: string[] = []): OriginLookup => ({
  avatar: (id) => (unknown.includes(id) ? undefined : gone.includes(id) ? null : (avatars.find((entry) => entry.id === id) ?? null)),
  job: (id) => (unknown.includes(id) ? undefined : ({ id, referenceSha256: shas[id] ?? null } as Generation)),
});

const ref = (id: string) => ({ id, name: id.toUpperCase(), projectId: 'prj_1' });

describe('an avatar’s origin', () => {
  const upload = avatar('up', 'uploaded');
  const edit = avatar('ed', 'from_reference', 'up');
  const editVariation = avatar('ev', 'from_reference', 'ed');
  const editOfEdit = avatar('ee', 'from_reference', 'ed');
  const fromFile = avatar('ff', 'from_reference');
  const fileVariation = avatar('fv', 'from_reference', 'ff');
  const text = avatar('tx', 'text_to_image');
  const textVariation = avatar('tv', 'text_to_image', 'tx');
  const all = [upload, edit, editVariation, editOfEdit, fromFile, fileVariation, text, textVariation];
  const shas = { gen_ed: 'sha-up', gen_ev: 'sha-up', gen_ee: 'sha-ed', gen_ff: 'sha-file', gen_fv: 'sha-file' };

  it('has none for an upload or a first generation', () => {
    expect(resolveOrigin(upload, lookup(all, shas))).toBeNull();
    expect(resolveOrigin(text, lookup(all, shas))).toBeNull();
  });

  it('is a variation of its parent for a text-to-image variation', () => {
    expect(resolveOrigin(textVariation, lookup(all, shas))).toEqual({ relation: 'variation', parent: ref('tx'), reference: null });
  });

  it('is made from its parent when the parent was the reference, which "Use this recipe" uses again', () => {
    expect(resolveOrigin(edit, lookup(all, shas))).toEqual({ relation: 'madeFrom', parent: ref('up'), reference: ref('up') });
    expect(resolveOrigin(editOfEdit, lookup(all, shas))).toEqual({ relation: 'madeFrom', parent: ref('ed'), reference: ref('ed') });
  });

  it('is a variation when it edits the same image as its parent, whose reference it shares', () => {
    expect(resolveOrigin(editVariation, lookup(all, shas))).toEqual({ relation: 'variation', parent: ref('ed'), reference: ref('up') });
    expect(resolveOrigin(fileVariation, lookup(all, shas))).toEqual({ relation: 'variation', parent: ref('ff'), reference: null });
  });

  it('is made from an uploaded image when there is no parent, and has no reference to reuse', () => {
    expect(resolveOrigin(fromFile, lookup(all, shas))).toEqual({ relation: 'madeFrom', parent: 'file', reference: null });
  });

  it('says a deleted parent is gone', () => {
    expect(resolveOrigin(edit, lookup(all, shas, [], ['up']))).toEqual({ relation: 'madeFrom', parent: 'deleted', reference: null });
    expect(resolveOrigin(textVariation, lookup(all, shas, [], ['tx']))).toEqual({ relation: 'variation', parent: 'deleted', reference: null });
  });

  it('asks for what it does not hold, one thing at a time', () => {
    expect(resolveOrigin(edit, lookup(all, shas, ['up']))).toEqual({ pending: { kind: 'avatar', id: 'up' } });
    expect(resolveOrigin(editVariation, lookup(all, shas, ['gen_ev']))).toEqual({ pending: { kind: 'job', id: 'gen_ev' } });
    expect(resolveOrigin(editVariation, lookup(all, shas, ['gen_ed']))).toEqual({ pending: { kind: 'job', id: 'gen_ed' } });
  });
});
