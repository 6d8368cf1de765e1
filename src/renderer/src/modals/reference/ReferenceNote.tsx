import { REFERENCE_DEFAULTS } from '../../../../shared/vocabulary';
import { Icon } from '../../components/Icon';
import { useAppStore } from '../../hooks/appContext';
import { modelLabel } from './referenceDraft';

/** Token problems the queue has already run into: the dialog says so before anything is sent. */
const TOKEN_PROBLEMS = new Set(['TOKEN_MISSING', 'PROVIDER_AUTH']);

/**
 * Plainly where the image goes: editing needs Hugging Face (a token), the offline drawer cannot do
 * it, and the reference itself is uploaded there. Warns when the queue is paused for the token.
 */
export const ReferenceNote = ({ model }: { model: string }) => {
  const tokenProblem = useAppStore((state) => (state.queue?.paused && state.queue.pauseReason && TOKEN_PROBLEMS.has(state.queue.pauseReason.code) ? state.queue.pauseReason.code : null));
  const name = modelLabel(model) || modelLabel(REFERENCE_DEFAULTS.model);
  return (
    <div className="reference-privacy" data-testid="reference-note">
      <p className="note reference-privacy__note">
        <Icon name="key" size={16} />
        <span>
          Needs a Hugging Face token: the reference image and the instruction are sent to Hugging Face, where {name} makes the new images. The offline
          drawing cannot edit an image.
        </span>
      </p>
      {tokenProblem && (
        <p className="note note--warning" role="status">
          <Icon name="alert" size={16} />
          <span>
            {tokenProblem === 'TOKEN_MISSING'
              ? 'No Hugging Face token is set, so generation is paused: these will wait in the queue until one is.'
              : 'Hugging Face refused the token, so generation is paused: these will wait in the queue until it is fixed.'}
          </span>
        </p>
      )}
    </div>
  );
};
