import { forwardRef } from 'react';
import { SEARCH_LIMITS } from '../../../../shared/vocabulary';
import { Icon } from '../Icon';
import { Spinner } from '../Spinner';

interface SearchFieldProps {
  value: string;
  onChange(value: string): void;
  label: string;
  placeholder: string;
  busy?: boolean;
}

/** A search box: a magnifier, the text, a spinner while the answer is on its way, × and Escape to clear. */
export const SearchField = forwardRef<HTMLInputElement, SearchFieldProps>(({ value, onChange, label, placeholder, busy = false }, ref) => (
  <div className="search-field">
    <Icon name="search" size={16} />
    <input
      ref={ref}
      type="search"
      className="input search-field__input"
      aria-label={label}
      placeholder={placeholder}
      value={value}
      maxLength={SEARCH_LIMITS.query}
      autoComplete="off"
      spellCheck={false}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && value !== '') {
          event.preventDefault();
          event.stopPropagation();
          onChange('');
        }
      }}
    />
    {busy && <Spinner />}
    {value !== '' && (
      <button type="button" className="search-field__clear" aria-label="Clear search" onClick={() => onChange('')}>
        <Icon name="close" size={14} />
      </button>
    )}
  </div>
));
SearchField.displayName = 'SearchField';
