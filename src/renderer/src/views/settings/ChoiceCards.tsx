import { useId, type ReactNode } from 'react';
import './ChoiceCards.css';

export interface Choice<V extends string> {
  id: V;
  label: ReactNode;
  detail?: ReactNode;
}

interface ChoiceCardsProps<V extends string> {
  legend: string;
  value: V;
  choices: readonly Choice<V>[];
  onChange(value: V): void;
  /** Said under the cards (a hint or a warning). */
  note?: ReactNode;
  disabled?: boolean;
}

/** A small set of exclusive options as radio cards, in a fieldset named by its legend. */
export const ChoiceCards = <V extends string>({ legend, value, choices, onChange, note, disabled }: ChoiceCardsProps<V>) => {
  const name = useId();
  return (
    <fieldset className="choice-cards" disabled={disabled}>
      <legend className="field__label">{legend}</legend>
      <div className="choice-cards__options" style={{ ['--choices' as string]: choices.length }}>
        {choices.map((choice) => (
          <label key={choice.id} className="choice-cards__option">
            <input type="radio" className="choice-cards__input" name={name} value={choice.id} checked={value === choice.id} onChange={() => onChange(choice.id)} />
            <span className="choice-cards__card">
              <span className="choice-cards__label">{choice.label}</span>
              {choice.detail && <span className="choice-cards__detail">{choice.detail}</span>}
            </span>
          </label>
        ))}
      </div>
      {note}
    </fieldset>
  );
};
