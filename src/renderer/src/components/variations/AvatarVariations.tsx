import { useEffect, useId, useMemo, useState } from 'react';
import type { Avatar } from '../../../../shared/domain';
import { useActions, useAppStore, useTransport } from '../../hooks/appContext';
import { useToast } from '../../hooks/useToast';
import { plural } from '../../lib/format';
import { routeHash } from '../../lib/route';
import { draftFromAvatar } from '../../modals/generate/draftFromAvatar';
import { GenerateModal } from '../../modals/generate/GenerateModal';
import type { GenerateDraft } from '../../modals/generate/generateDraft';
import { Icon } from '../Icon';
import { Spinner } from '../Spinner';
import { Thumbnail } from '../Thumbnail';
import './AvatarVariations.css';

/** "More like this" makes at most this many at once from the panel. */
export const VARY_MAX = 8;
const VARY_DEFAULT = 4;
/** Thumbnails in the strip before "+N more". */
const STRIP_MAX = 7;

type Parent = { id: string; name: string; projectId: string } | 'missing' | 'loading';

const avatarHref = (avatar: { id: string; projectId: string }): string => routeHash({ kind: 'project', projectId: avatar.projectId, avatarId: avatar.id });

/** Where this avatar came from (the avatar it varies), found in the open project or asked for once. */
const useParent = (parentId: string | null): Parent | null => {
  const transport = useTransport();
  const local = useAppStore((state) => (parentId ? (state.avatars.find((avatar) => avatar.id === parentId) ?? null) : null));
  const [fetched, setFetched] = useState<{ id: string; value: Parent } | null>(null);

  useEffect(() => {
    if (!parentId || local) return;
    let live = true;
    void transport.invoke('avatars.get', { id: parentId }).then((result) => {
      if (!live) return;
      setFetched({ id: parentId, value: result.ok ? { id: result.value.id, name: result.value.name, projectId: result.value.projectId } : 'missing' });
    });
    return () => {
      live = false;
    };
  }, [local, parentId, transport]);

  if (!parentId) return null;
  if (local) return { id: local.id, name: local.name, projectId: local.projectId };
  return fetched?.id === parentId ? fetched.value : 'loading';
};

/**
 * The panel's recipe section: "More like this" (the same recipe with new seeds, N at once),
 * "Use this recipe" (the generate dialog filled in from this avatar), and the lineage — which
 * avatar this one varies, and the variations made from it so far.
 */
export const AvatarVariations = ({ avatar }: { avatar: Avatar }) => {
  const transport = useTransport();
  const toast = useToast();
  const { upsertGenerations, setTrayOpen } = useActions();
  const titleId = useId();
  const countId = useId();
  const project = useAppStore((state) => (state.openProjectId === avatar.projectId ? state.openProject : null));
  const avatars = useAppStore((state) => state.avatars);
  const generations = useAppStore((state) => state.generations);
  const children = useMemo(() => avatars.filter((entry) => entry.parentAvatarId === avatar.id), [avatar.id, avatars]);
  const parent = useParent(avatar.parentAvatarId);
  const [count, setCount] = useState(VARY_DEFAULT);
  const [varying, setVarying] = useState(false);
  const [preparing, setPreparing] = useState(false);
  const [draft, setDraft] = useState<GenerateDraft | null>(null);
  const generated = avatar.generation !== null;

  const vary = async () => {
    setVarying(true);
    const result = await transport.invoke('generations.vary', { avatarId: avatar.id, count });
    setVarying(false);
    if (!result.ok) {
      toast.failure(`Could not make variations of “${avatar.name}”`, result.error);
      return;
    }
    upsertGenerations(result.value);
    setTrayOpen(true);
    toast.success(`Making ${plural(result.value.length, 'variation')} of “${avatar.name}”`, 'They appear here as they finish.');
  };

  /** The free text the avatar was made with lives on its job: in memory if recent, else asked for. */
  const userPrompt = async (): Promise<string | null> => {
    const held = Object.values(generations).find((job) => job.avatarId === avatar.id);
    if (held) return held.recipe.prompt ?? null;
    if (!generated) return null;
    const result = await transport.invoke('generations.list', { projectId: avatar.projectId, statuses: ['completed'], limit: 1000 });
    return result.ok ? (result.value.find((job) => job.avatarId === avatar.id)?.recipe.prompt ?? null) : null;
  };

  const openRecipe = async () => {
    setPreparing(true);
    const prompt = await userPrompt();
    setPreparing(false);
    setDraft(draftFromAvatar(avatar, prompt));
  };

  return (
    <section className="detail__section variations" aria-labelledby={titleId} data-testid="avatar-variations">
      <h3 className="variations__title" id={titleId}>
        Recipe
      </h3>
      {parent && (
        <p className="variations__lineage" data-testid="variation-of">
          <Icon name="sparkles" size={14} />
          {parent === 'loading' ? (
            <span>Variation of…</span>
          ) : parent === 'missing' ? (
            <span>Variation of an avatar that was deleted</span>
          ) : (
            <span>
              Variation of{' '}
              <a href={avatarHref(parent)} className="variations__parent">
                {parent.name}
              </a>
            </span>
          )}
        </p>
      )}
      {generated ? (
        <div className="variations__actions">
          <div className="variations__vary">
            <button type="button" className="btn btn--secondary btn--small" onClick={() => void vary()} disabled={varying}>
              {varying ? <Spinner /> : <Icon name="sparkles" size={15} />}
              More like this
            </button>
            <label className="visually-hidden" htmlFor={countId}>
              How many variations
            </label>
            <select
              id={countId}
              className="input select input--compact variations__count"
              value={count}
              disabled={varying}
              onChange={(event) => setCount(Number(event.target.value))}
              title="How many variations"
            >
              {Array.from({ length: VARY_MAX }, (_, index) => index + 1).map((value) => (
                <option key={value} value={value}>
                  × {value}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="btn btn--ghost btn--small" onClick={() => void openRecipe()} disabled={preparing || !project}>
            {preparing ? <Spinner /> : <Icon name="pencil" size={15} />}
            Use this recipe
          </button>
        </div>
      ) : (
        <div className="variations__actions">
          <p className="variations__note">Uploaded, so there is no prompt or seed; its persona and look can still start a new one.</p>
          <button type="button" className="btn btn--ghost btn--small" onClick={() => void openRecipe()} disabled={preparing || !project}>
            <Icon name="pencil" size={15} />
            Use this recipe
          </button>
        </div>
      )}
      {avatar.generation && (
        <p className="variations__meta">
          Seed {avatar.generation.seed} · {avatar.generation.model.slice(avatar.generation.model.lastIndexOf('/') + 1) || avatar.generation.provider}
        </p>
      )}
      {children.length > 0 && (
        <div className="variations__children">
          <p className="variations__subtitle">{plural(children.length, 'variation')}</p>
          <ul className="variations__strip" aria-label={`Variations of ${avatar.name}`}>
            {children.slice(0, STRIP_MAX).map((child) => (
              <li key={child.id}>
                <a href={avatarHref(child)} className="variations__child" aria-label={child.name} title={child.name}>
                  <Thumbnail src={transport.imageUrl(child.id, 'thumb')} className="variations__thumb" />
                </a>
              </li>
            ))}
            {children.length > STRIP_MAX && (
              <li className="variations__more" aria-label={`${children.length - STRIP_MAX} more`}>
                +{children.length - STRIP_MAX}
              </li>
            )}
          </ul>
        </div>
      )}
      {draft && project && <GenerateModal project={project} initialDraft={draft} onClose={() => setDraft(null)} />}
    </section>
  );
};
