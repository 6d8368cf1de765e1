import { useId, type ReactNode } from 'react';
import { Field, describedBy } from './Field';

interface NumberFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  min: number;
  max: number;
  step?: number;
  error?: string | null;
  hint?: ReactNode;
  placeholder?: string;
  /** A button or two drawn inside the field's row, after the box. */
  addon?: ReactNode;
  className?: string;
}

/** A number kept as typed text (so "" and half-typed values survive), with native min/max/step for arrows and screen readers. */
export const NumberField = ({ label, value, onChange, min, max, step = 1, error, hint, placeholder, addon, className }: NumberFieldProps) => {
  const id = useId();
  const input = (
    <input
      id={id}
      className="input"
      type="number"
      inputMode={Number.isInteger(step) ? 'numeric' : 'decimal'}
      min={min}
      max={max}
      step={step}
      value={value}
      placeholder={placeholder}
      autoComplete="off"
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(id, error, hint)}
      onChange={(event) => onChange(event.target.value)}
    />
  );
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      {addon ? (
        <div className="input-row">
          {input}
          {addon}
        </div>
      ) : (
        input
      )}
    </Field>
  );
};
