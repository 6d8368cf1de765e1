import { useId, useRef } from 'react';
import { GENERATION_LIMITS } from '../../../../shared/vocabulary';
import { TextField } from '../../components/fields/TextField';
import { INSTRUCTION_EXAMPLES, withExample } from './referenceDraft';

interface InstructionFieldProps {
  value: string;
  onChange(value: string): void;
  error?: string | null;
}

/** What should change, in words, with a few examples one click away (they fill the box, then focus it). */
export const InstructionField = ({ value, onChange, error }: InstructionFieldProps) => {
  const examplesId = useId();
  const boxRef = useRef<HTMLDivElement>(null);

  const use = (example: string) => {
    onChange(withExample(value, example));
    requestAnimationFrame(() => {
      const box = boxRef.current?.querySelector('textarea');
      box?.focus();
      box?.setSelectionRange(box.value.length, box.value.length);
    });
  };

  return (
    <div className="reference-instruction" ref={boxRef}>
      <TextField
        label="Instruction"
        multiline
        required
        autoFocus
        value={value}
        onChange={onChange}
        maxLength={GENERATION_LIMITS.prompt}
        error={error}
        placeholder="What should change? e.g. same person, business suit, office background"
        hint="Say what changes and what stays: “same person” keeps the face."
      />
      <div className="reference-examples" role="group" aria-labelledby={examplesId}>
        <span className="reference-examples__label" id={examplesId}>
          Examples
        </span>
        {INSTRUCTION_EXAMPLES.map((example) => (
          <button key={example} type="button" className={`reference-example${value.trim() === example ? ' reference-example--current' : ''}`} onClick={() => use(example)}>
            {example}
          </button>
        ))}
      </div>
    </div>
  );
};
