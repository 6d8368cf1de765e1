import type { ReactNode } from 'react';
import './fields.css';

interface FieldProps {
  id: string;
  label: string;
  optional?: boolean;
  hint?: ReactNode;
  error?: string | null;
  counter?: ReactNode;
  className?: string;
  children: ReactNode;
}

export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

/** Label, control, hint and error, wired together so the control describes itself. */
export const Field = ({ id, label, optional, hint, error, counter, className, children }: FieldProps) => (
  <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
    <div className="field__top">
      <label className="field__label" htmlFor={id}>
        {label}
        {optional && <span className="field__optional"> (optional)</span>}
      </label>
      {counter}
    </div>
    {children}
    {error ? (
      <p className="field__error" id={errorId(id)}>
        {error}
      </p>
    ) : (
      hint && (
        <p className="field__hint" id={hintId(id)}>
          {hint}
        </p>
      )
    )}
  </div>
);

export const describedBy = (id: string, error: string | null | undefined, hint: ReactNode): string | undefined =>
  error ? errorId(id) : hint ? hintId(id) : undefined;
