import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { AppErrorShape } from '../../../shared/errors';
import { errorLine } from '../lib/errorText';
import { Icon } from './Icon';
import { Spinner } from './Spinner';
import './InlineText.css';

interface InlineTextProps {
  value: string;
  /** The accessible name of the input while editing. */
  label: string;
  /** The accessible name of the pencil button. */
  editLabel: string;
  placeholder: string;
  maxLength: number;
  multiline?: boolean;
  variant: 'title' | 'body';
  onSave(next: string): Promise<AppErrorShape | null>;
}

/** Text that becomes an input in place: Enter (⌘/Ctrl+Enter when multiline) or leaving saves, Escape cancels. */
export const InlineText = ({ value, label, editLabel, placeholder, maxLength, multiline = false, variant, onSave }: InlineTextProps) => {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(value);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const inputRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const pencilRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (editing) inputRef.current?.select();
  }, [editing]);

  const start = () => {
    setText(value);
    setError(null);
    setEditing(true);
  };
  const finish = () => {
    setEditing(false);
    requestAnimationFrame(() => pencilRef.current?.focus());
  };
  const commit = async () => {
    if (saving) return;
    if (text.trim() === value.trim()) return finish();
    setSaving(true);
    const failure = await onSave(text);
    setSaving(false);
    if (failure) setError(failure);
    else finish();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      finish();
    } else if (event.key === 'Enter' && (!multiline || event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      void commit();
    }
  };

  if (editing) {
    const shared = {
      ref: inputRef,
      className: `input inline-text__input inline-text__input--${variant}`,
      value: text,
      maxLength,
      placeholder,
      readOnly: saving,
      'aria-label': label,
      'aria-invalid': error ? true : undefined,
      onKeyDown,
      onBlur: () => void commit(),
    };
    return (
      <div className={`inline-text inline-text--editing inline-text--${variant}`}>
        {multiline ? <textarea {...shared} rows={2} onChange={(event) => setText(event.target.value)} /> : <input {...shared} onChange={(event) => setText(event.target.value)} />}
        {saving && <Spinner label="Saving" />}
        {error && (
          <p className="field__error" role="alert">
            {errorLine(error)}
          </p>
        )}
      </div>
    );
  }

  const Tag = variant === 'title' ? 'h1' : 'p';
  return (
    <div className={`inline-text inline-text--${variant}`}>
      <Tag className={`inline-text__value${value ? '' : ' inline-text__value--empty'}`} onDoubleClick={start}>
        {value || placeholder}
      </Tag>
      <button ref={pencilRef} type="button" className="btn btn--icon btn--quiet inline-text__edit" aria-label={editLabel} title={editLabel} onClick={start}>
        <Icon name="pencil" size={16} />
      </button>
    </div>
  );
};
