import { useId } from 'react';
import { AGE_RANGES, GENDERS, LIMITS } from '../../../shared/vocabulary';
import { TEXT_ATTRIBUTE_KEYS, type AttributesDraft, type FieldErrors, type TextAttributeKey } from '../lib/drafts';
import { AGE_RANGE_LABELS, ATTRIBUTE_LABELS, ATTRIBUTE_SUGGESTIONS, GENDER_LABELS } from '../lib/suggestions';
import { SelectField } from './fields/SelectField';
import { TextField } from './fields/TextField';

interface AttributesFormProps {
  value: AttributesDraft;
  onChange(value: AttributesDraft): void;
  errors: FieldErrors;
}

/** How the avatar looks: two fixed choices, the rest free text with suggestions. */
export const AttributesForm = ({ value, onChange, errors }: AttributesFormProps) => {
  const listPrefix = useId();
  const set = <K extends keyof AttributesDraft>(key: K, next: AttributesDraft[K]) => onChange({ ...value, [key]: next });
  const listId = (key: TextAttributeKey) => `${listPrefix}-${key}`;
  return (
    <fieldset className="form-section">
      <legend className="form-section__title">Appearance</legend>
      <div className="form-grid">
        <SelectField label="Gender" value={value.gender} options={GENDERS} labels={GENDER_LABELS} onChange={(next) => set('gender', next)} />
        <SelectField label="Age range" value={value.ageRange} options={AGE_RANGES} labels={AGE_RANGE_LABELS} onChange={(next) => set('ageRange', next)} />
        {TEXT_ATTRIBUTE_KEYS.map((key) => (
          <TextField
            key={key}
            label={ATTRIBUTE_LABELS[key]}
            value={value[key]}
            onChange={(next) => set(key, next)}
            maxLength={LIMITS.attribute}
            list={listId(key)}
            error={errors[`attributes.${key}`]}
          />
        ))}
      </div>
      {TEXT_ATTRIBUTE_KEYS.map((key) => (
        <datalist key={key} id={listId(key)}>
          {ATTRIBUTE_SUGGESTIONS[key].map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      ))}
    </fieldset>
  );
};
