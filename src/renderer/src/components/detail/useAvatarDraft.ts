import { useEffect, useReducer } from 'react';
import type { Avatar } from '../../../../shared/domain';
import { attributesDraftOf, personaDraftOf, sameDraft, type AttributesDraft, type PersonaDraft } from '../../lib/drafts';

export interface AvatarDraft {
  name: string;
  persona: PersonaDraft;
  attributes: AttributesDraft;
}

export const draftOf = (avatar: Avatar): AvatarDraft => ({
  name: avatar.name,
  persona: personaDraftOf(avatar.persona),
  attributes: attributesDraftOf(avatar.attributes),
});

interface DraftState {
  /** What the library holds, as last seen. */
  baseline: AvatarDraft;
  draft: AvatarDraft;
  changedElsewhere: boolean;
}

type DraftAction =
  | { type: 'edit'; draft: AvatarDraft }
  | { type: 'incoming'; draft: AvatarDraft }
  | { type: 'reset' }
  | { type: 'saved'; draft: AvatarDraft };

const reduce = (state: DraftState, action: DraftAction): DraftState => {
  switch (action.type) {
    case 'edit':
      return { ...state, draft: action.draft };
    case 'incoming': {
      if (sameDraft(state.baseline, action.draft)) return state;
      const untouched = sameDraft(state.draft, state.baseline);
      return {
        baseline: action.draft,
        draft: untouched ? action.draft : state.draft,
        changedElsewhere: !untouched && !sameDraft(state.draft, action.draft),
      };
    }
    case 'reset':
      return { ...state, draft: state.baseline, changedElsewhere: false };
    case 'saved':
      return { baseline: action.draft, draft: action.draft, changedElsewhere: false };
  }
};

/**
 * The edit form's values. A change from elsewhere (another window, the CLI) replaces them only
 * while the user has not touched the form; typed values are never thrown away.
 */
export const useAvatarDraft = (avatar: Avatar) => {
  const [state, dispatch] = useReducer(reduce, avatar, (initial) => {
    const draft = draftOf(initial);
    return { baseline: draft, draft, changedElsewhere: false };
  });

  useEffect(() => {
    dispatch({ type: 'incoming', draft: draftOf(avatar) });
  }, [avatar]);

  return {
    draft: state.draft,
    dirty: !sameDraft(state.draft, state.baseline),
    changedElsewhere: state.changedElsewhere,
    setDraft: (draft: AvatarDraft) => dispatch({ type: 'edit', draft }),
    reset: () => dispatch({ type: 'reset' }),
    commit: (saved: Avatar) => dispatch({ type: 'saved', draft: draftOf(saved) }),
  };
};
