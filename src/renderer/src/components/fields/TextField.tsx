import { useId, type ReactNode } from 'react';
import { Field, describedBy } from './Field';

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  maxLength?: number;
  error?: string | null;
  hint?: ReactNode;
  optional?: boolean;
  required?: boolean;
  multiline?: boolean;
  autoFocus?: boolean;
  placeholder?: string;
  list?: string;
  inputMode?: 'text' | 'numeric';
  className?: string;
  /** Ids of more text that explains the field (a note shown above it), read after the label. */
  describedBy?: string;
  onBlur?(): void;
}

/** Shown once a field is most of the way to its limit, so the limit never comes as a surprise. */
const COUNTER_FROM = 0.8;
/** Short limits (an age) are obvious from the field itself. */
const COUNTER_MIN_LIMIT = 20;

export const TextField = ({ label, value, onChange, maxLength, error, hint, optional, required, multiline, autoFocus, placeholder, list, inputMode, className, describedBy: moreDescription, onBlur }: TextFieldProps) => {
  const id = useId();
  const showCounter = maxLength !== undefined && maxLength >= COUNTER_MIN_LIMIT && (multiline || value.length >= maxLength * COUNTER_FROM);
  const counter = showCounter ? (
    <span className={`field__counter${value.length >= (maxLength ?? 0) ? ' field__counter--full' : ''}`} aria-hidden="true">
      {value.length}/{maxLength}
    </span>
  ) : null;
  const shared = {
    id,
    value,
    maxLength,
    placeholder,
    required,
    onBlur,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': [moreDescription, describedBy(id, error, hint)].filter(Boolean).join(' ') || undefined,
    'data-autofocus': autoFocus ? true : undefined,
    className: 'input',
  };
  return (
    <Field id={id} label={label} optional={optional} hint={hint} error={error} counter={counter} className={className}>
      {multiline ? (
        <textarea {...shared} rows={3} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...shared} type="text" list={list} inputMode={inputMode} autoComplete="off" onChange={(event) => onChange(event.target.value)} />
      )}
    </Field>
  );
};
