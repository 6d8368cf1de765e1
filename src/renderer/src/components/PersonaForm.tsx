import { LIMITS } from '../../../shared/vocabulary';
import type { FieldErrors, PersonaDraft } from '../lib/drafts';
import { TextField } from './fields/TextField';
import { TraitsInput } from './fields/TraitsInput';

interface PersonaFormProps {
  value: PersonaDraft;
  onChange(value: PersonaDraft): void;
  errors: FieldErrors;
}

/** Who the avatar is: shared by the upload dialog and the detail panel. */
export const PersonaForm = ({ value, onChange, errors }: PersonaFormProps) => {
  const set = <K extends keyof PersonaDraft>(key: K, next: PersonaDraft[K]) => onChange({ ...value, [key]: next });
  return (
    <fieldset className="form-section">
      <legend className="form-section__title">Persona</legend>
      <div className="form-grid form-grid--name-age">
        <TextField label="Persona name" value={value.name} onChange={(next) => set('name', next)} maxLength={LIMITS.personaName} error={errors['persona.name']} placeholder="e.g. Ana Lima" />
        <TextField
          label="Age"
          value={value.age}
          onChange={(next) => set('age', next.replace(/[^\d]/g, ''))}
          inputMode="numeric"
          maxLength={3}
          error={errors['persona.age']}
          placeholder="—"
        />
      </div>
      <TraitsInput value={value.personality} onChange={(next) => set('personality', next)} error={errors['persona.personality']} />
      <TextField
        label="Background"
        multiline
        value={value.background}
        onChange={(next) => set('background', next)}
        maxLength={LIMITS.personaBackground}
        error={errors['persona.background']}
        placeholder="Where they come from, what they do, what they care about."
      />
    </fieldset>
  );
};
