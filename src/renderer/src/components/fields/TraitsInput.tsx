import { useId, useState, type KeyboardEvent } from 'react';
import { LIMITS } from '../../../../shared/vocabulary';
import { TRAIT_SUGGESTIONS } from '../../lib/suggestions';
import { Icon } from '../Icon';
import { Field, describedBy } from './Field';

interface TraitsInputProps {
  value: string[];
  onChange(value: string[]): void;
  error?: string | null;
}

const HINT = 'Press Enter or comma to add a trait.';

/** Personality traits as removable chips: Enter or comma adds, Backspace in the empty box removes the last. */
export const TraitsInput = ({ value, onChange, error }: TraitsInputProps) => {
  const id = useId();
  const listId = useId();
  const [text, setText] = useState('');
  const full = value.length >= LIMITS.personalityItems;

  const add = (raw: string): void => {
    const trait = raw.trim().slice(0, LIMITS.personalityItem);
    setText('');
    if (!trait || full || value.some((existing) => existing.toLowerCase() === trait.toLowerCase())) return;
    onChange([...value, trait]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.key === 'Enter' || event.key === ',') && text.trim()) {
      event.preventDefault();
      add(text);
    } else if (event.key === 'Enter') {
      // An empty trait box must not submit the whole form by surprise.
      event.preventDefault();
    } else if (event.key === 'Backspace' && text === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  return (
    <Field
      id={id}
      label="Personality traits"
      hint={full ? `That is the maximum of ${LIMITS.personalityItems} traits.` : HINT}
      error={error}
      counter={<span className="field__counter" aria-hidden="true">{value.length}/{LIMITS.personalityItems}</span>}
    >
      <div className={`chips-input${error ? ' chips-input--invalid' : ''}`}>
        {value.length > 0 && (
          <ul className="chips" aria-label="Traits">
            {value.map((trait, index) => (
              <li key={trait} className="chip">
                {trait}
                <button type="button" className="chip__remove" aria-label={`Remove trait ${trait}`} onClick={() => onChange(value.filter((_, at) => at !== index))}>
                  <Icon name="close" size={12} />
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          id={id}
          className="chips-input__box"
          value={text}
          list={listId}
          maxLength={LIMITS.personalityItem}
          disabled={full}
          placeholder={full ? '' : value.length ? 'Add another…' : 'e.g. Curious'}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, error, HINT)}
          onChange={(event) => (event.target.value.endsWith(',') ? add(event.target.value.slice(0, -1)) : setText(event.target.value))}
          onKeyDown={onKeyDown}
          onBlur={() => text.trim() && add(text)}
        />
      </div>
      <datalist id={listId}>
        {TRAIT_SUGGESTIONS.filter((trait) => !value.includes(trait)).map((trait) => (
          <option key={trait} value={trait} />
        ))}
      </datalist>
    </Field>
  );
};
