import { useId } from 'react';
import { PRESET_CATEGORIES, type PresetCategory } from '../../../shared/vocabulary';
import { Field } from '../components/fields/Field';
import { PRESET_CATEGORY_LABELS } from '../lib/presetText';

interface PresetCategoryFieldProps {
  value: PresetCategory;
  onChange(value: PresetCategory): void;
  error?: string | null;
}

/** A preset always has a category: no "not set" choice. */
export const PresetCategoryField = ({ value, onChange, error }: PresetCategoryFieldProps) => {
  const id = useId();
  return (
    <Field id={id} label="Category" error={error}>
      <select
        id={id}
        className="input select"
        value={value}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(PRESET_CATEGORIES.find((category) => category === event.target.value) ?? value)}
      >
        {PRESET_CATEGORIES.map((category) => (
          <option key={category} value={category}>
            {PRESET_CATEGORY_LABELS[category]}
          </option>
        ))}
      </select>
    </Field>
  );
};
