import { useId } from 'react';
import { NEGATIVE_PROMPT_NOTE, modelHonoursNegativePrompt } from '../../../../shared/negativePrompt';
import { GENERATION_LIMITS } from '../../../../shared/vocabulary';
import { Disclosure } from '../../components/Disclosure';
import { Icon } from '../../components/Icon';
import { TextField } from '../../components/fields/TextField';

interface NegativePromptFieldProps {
  value: string;
  onChange(value: string): void;
  model: string;
  error?: string | null;
}

/** Kept with the recipe, but for FLUX.1 the note says plainly that it changes nothing. */
export const NegativePromptField = ({ value, onChange, model, error }: NegativePromptFieldProps) => {
  const noteId = useId();
  const ignored = !modelHonoursNegativePrompt(model);
  return (
    <Disclosure title="Negative prompt" summary={value.trim() ? (ignored ? 'Set · ignored by this model' : 'Set') : ignored ? 'Ignored by this model' : 'Optional'} defaultOpen={value.trim() !== ''} forceOpen={Boolean(error)}>
      {ignored && (
        <p className="note note--warning" id={noteId}>
          <Icon name="info" size={16} />
          <span>{NEGATIVE_PROMPT_NOTE}</span>
        </p>
      )}
      <TextField label="Negative prompt" multiline value={value} onChange={onChange} maxLength={GENERATION_LIMITS.prompt} className="negative-prompt" error={error} placeholder="What the image should not show" describedBy={ignored ? noteId : undefined} />
    </Disclosure>
  );
};
