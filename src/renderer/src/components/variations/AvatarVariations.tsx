import { useId, useMemo, useState, type ReactNode } from 'react';
import type { Avatar } from '../../../../shared/domain';
import { useAppStore, useTransport } from '../../hooks/appContext';
import { draftFromAvatar } from '../../modals/generate/draftFromAvatar';
import { GenerateModal } from '../../modals/generate/GenerateModal';
import type { GenerateDraft } from '../../modals/generate/generateDraft';
import { ReferenceModal } from '../../modals/reference/ReferenceModal';
import { referenceDraftFromAvatar, type ReferenceDraft, type ReferenceSource } from '../../modals/reference/referenceDraft';
import { Icon } from '../Icon';
import { Spinner } from '../Spinner';
import type { Origin } from './origin';
import { loadRecipePrompt } from './recipePrompt';
import { useOrigin } from './useOrigin';
import { VariationLineage } from './VariationLineage';
import { VariationStrip } from './VariationStrip';
import { VaryButton } from './VaryButton';
import './AvatarVariations.css';

export { VARY_MAX } from './VaryButton';

type Dialog = { kind: 'generate'; draft: GenerateDraft } | { kind: 'reference'; reference: ReferenceSource; draft?: ReferenceDraft; notice?: ReactNode };

/** An edit whose reference image is not an avatar of the library any more (or never was: a file). */
const lostReference = (origin: Origin | null | 'loading'): boolean => origin !== null && origin !== 'loading' && origin.reference === null;

/**
 * The panel's recipe section: "More like this" (the same recipe with new seeds), "Use this recipe"
 * (the generate dialog, or for an edit the reference dialog, filled in from this avatar), "New from
 * this avatar…" (this image plus an instruction), and the lineage: what this one varies or was
 * made from, and what was made from it so far.
 */
export const AvatarVariations = ({ avatar }: { avatar: Avatar }) => {
  const transport = useTransport();
  const titleId = useId();
  const project = useAppStore((state) => (state.openProjectId === avatar.projectId ? state.openProject : null));
  const avatars = useAppStore((state) => state.avatars);
  const generations = useAppStore((state) => state.generations);
  const children = useMemo(() => avatars.filter((entry) => entry.parentAvatarId === avatar.id), [avatar.id, avatars]);
  const origin = useOrigin(avatar);
  const [preparing, setPreparing] = useState<'recipe' | 'new' | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const generated = avatar.generation !== null;
  const edit = avatar.sourceType === 'from_reference';
  const self: ReferenceSource = { kind: 'avatar', avatar: { id: avatar.id, name: avatar.name } };
  const lost = edit && lostReference(origin);

  const prompt = async (which: 'recipe' | 'new'): Promise<string | null> => {
    setPreparing(which);
    const text = await loadRecipePrompt(avatar, generations, transport);
    setPreparing(null);
    return text;
  };

  const openRecipe = async () => {
    const text = await prompt('recipe');
    if (!edit) return setDialog({ kind: 'generate', draft: draftFromAvatar(avatar, text) });
    if (origin === null || origin === 'loading' || !origin.reference) return;
    setDialog({ kind: 'reference', reference: { kind: 'avatar', avatar: origin.reference }, draft: referenceDraftFromAvatar(avatar, text) });
  };

  const openNew = async () => {
    if (!lost) return setDialog({ kind: 'reference', reference: self });
    // The edit cannot be rerun on its own image: start from this one, with the same words.
    const text = await prompt('new');
    setDialog({
      kind: 'reference',
      reference: self,
      draft: { ...referenceDraftFromAvatar(avatar, text), seed: '' },
      notice: 'Filled in with the instruction this avatar was made with. The image it edited is not in the library, so this avatar is the reference now; More like this repeats the original edit.',
    });
  };

  const recipeButton = (
    <button
      type="button"
      className="btn btn--ghost btn--small"
      onClick={() => void openRecipe()}
      disabled={preparing !== null || !project || (edit && origin === 'loading')}
    >
      {preparing === 'recipe' ? <Spinner /> : <Icon name="pencil" size={15} />}
      Use this recipe
    </button>
  );

  return (
    <section className="detail__section variations" aria-labelledby={titleId} data-testid="avatar-variations">
      <h3 className="variations__title" id={titleId}>
        Recipe
      </h3>
      {origin && <VariationLineage origin={origin} fromReference={edit} />}
      {generated ? (
        <div className="variations__actions">
          <VaryButton avatar={avatar} />
          {!lost && recipeButton}
        </div>
      ) : (
        <div className="variations__actions">
          <p className="variations__note">Uploaded, so there is no prompt or seed; its persona and look can still start a new one.</p>
          {recipeButton}
        </div>
      )}
      {lost && (
        <p className="variations__note" data-testid="reference-lost-note">
          The image it was made from is not an avatar in the library, so More like this is the way to repeat this edit; New from this avatar… starts from this image, with the
          same instruction.
        </p>
      )}
      <div className="variations__reference">
        <button type="button" className="btn btn--secondary btn--small" onClick={() => void openNew()} disabled={preparing !== null || !project}>
          {preparing === 'new' ? <Spinner /> : <Icon name="image" size={15} />}
          New from this avatar…
        </button>
        <p className="variations__hint">Keep this person; change the outfit, place or pose in words.</p>
      </div>
      {avatar.generation && (
        <p className="variations__meta">
          Seed {avatar.generation.seed} · {avatar.generation.model.slice(avatar.generation.model.lastIndexOf('/') + 1) || avatar.generation.provider}
        </p>
      )}
      <VariationStrip avatar={avatar} made={children} />
      {dialog?.kind === 'generate' && project && <GenerateModal project={project} initialDraft={dialog.draft} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reference' && project && (
        <ReferenceModal project={project} reference={dialog.reference} initialDraft={dialog.draft} notice={dialog.notice} onClose={() => setDialog(null)} />
      )}
    </section>
  );
};
