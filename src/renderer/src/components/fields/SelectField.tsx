import { useId } from 'react';
import { Field } from './Field';

interface SelectFieldProps<V extends string> {
  label: string;
  value: V | '';
  options: readonly V[];
  labels: Record<V, string>;
  onChange(value: V | ''): void;
  emptyLabel?: string;
}

export const SelectField = <V extends string>({ label, value, options, labels, onChange, emptyLabel = 'Not set' }: SelectFieldProps<V>) => {
  const id = useId();
  return (
    <Field id={id} label={label}>
      <select
        id={id}
        className="input select"
        value={value}
        onChange={(event) => onChange(options.find((option) => option === event.target.value) ?? '')}
      >
        <option value="">{emptyLabel}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {labels[option]}
          </option>
        ))}
      </select>
    </Field>
  );
};
